package dev.mitosis.app.grow;

import dev.mitosis.io.BadInputException;
import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Dataset;
import dev.mitosis.data.Normalization;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.GrowthSession;
import dev.mitosis.grow.RunConfig;
import dev.mitosis.model.Model;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.store.RunStore;
import dev.mitosis.app.workspace.RunDocument;
import java.util.Optional;

/**
 * The real backend: loads the data, creates the run store and runs a {@link GrowthSession} on the
 * calling (engine) thread. Stop reaches the session through {@link CancelToken#onCancel}.
 */
public final class SessionBackend implements GrowthBackend {

    @Override
    public void run(GrowRequest request, GrowSeed seed, Sink sink, CancelToken cancel) {
        DataSplit full = DataSources.system().load(request.dataset(), Optional.empty());
        DataSplit data = subset(full, request);
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
                new RunConfig(request.dataset(), Optional.empty(), config).toJson());
        if (data.test().size() < full.test().size()) {
            // the views say "test accuracy on N images" for such a run
            RunDocument.recordTestImages(request.runDirectory(), data.test().size());
        }
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

    /** The first N images per class of each part when the request limits them (quick runs, tests). */
    static DataSplit subset(DataSplit data, GrowRequest r) {
        return new DataSplit(limit(data.train(), r.trainImages()), limit(data.test(), r.testImages()));
    }

    private static Dataset limit(Dataset d, int images) {
        if (images <= 0 || images >= d.size()) {
            return d;
        }
        return d.firstPerClass(Math.max(1, images / d.classes()));
    }
}
