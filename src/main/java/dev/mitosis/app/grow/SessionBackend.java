package dev.mitosis.app.grow;

import dev.mitosis.io.BadInputException;
import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSubset;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Normalization;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthSession;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.Model;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.store.RunStore;
import java.util.Optional;

/**
 * The real backend: loads the data, creates the run store and runs a {@link GrowthSession} on the
 * calling (engine) thread. Stop reaches the session through {@link CancelToken#onCancel}.
 */
public final class SessionBackend implements GrowthBackend {

    @Override
    public void run(GrowRequest request, GrowSeed seed, Sink sink, CancelToken cancel) {
        DataSplit full = DataSources.system().load(request.dataset(), Optional.empty());
        DataSubset subset = DataSubset.of(full, new DataSubset(request.trainImages(), request.testImages()));
        DataSplit data = subset.apply(full);
        if (cancel.isCancelled()) {
            return;
        }
        Model model = seed.model().get();
        data.checkFits(model.spec(), request.dataset());
        Normalization normalization = seed.normalization().get().orElseGet(() -> Normalization.of(data.train()));
        GrowthConfig config = config(request);
        if (cancel.isCancelled()) {
            return;
        }
        RunStore store = RunStore.create(request.runDirectory(),
                new RunConfig(request.dataset(), Optional.empty(), subset, config).toJson());
        sink.runCreated(store);
        GrowthSession session = new GrowthSession(model, seed.epochs().getAsInt(), data, normalization, config, store,
                sink);
        cancel.onCancel(session::cancel);
        session.run();
    }

    /** The engine's configuration for a request: its defaults with what the dialog sets. */
    public static GrowthConfig config(GrowRequest r) {
        GrowthConfig d = GrowthConfig.defaults();
        return d.toBuilder().rounds(r.rounds()).strategy(r.strategy()).grow(r.growFraction())
                .macTarget(r.macTarget().isPresent() ? r.macTarget().getAsLong() : null).signed(r.signed())
                .probePasses(r.probePasses() > 0 ? r.probePasses() : d.probePasses())
                .probeImages(r.probeImages() > 0 ? r.probeImages() : d.probeImages())
                .fineTune(d.fineTune().withEpochs(r.fineTuneEpochs()).withLr(r.learningRate()).withSeed(r.seed()))
                .device(r.device()).seed(r.seed()).build();
    }
}
