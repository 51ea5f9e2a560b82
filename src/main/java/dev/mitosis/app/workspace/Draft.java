package dev.mitosis.app.workspace;

import dev.mitosis.run.Method;
import dev.mitosis.model.EditedWeights;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.model.Model;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.net.Topology;
import java.util.List;

/**
 * The one unsaved edit: a stored candidate it started from (its base) and the history of specs since.
 * Its weights are made only when needed ({@link #materialize}): the base's weights for every layer
 * whose block and shape survived, fresh ones for the rest.
 */
public final class Draft {

    private final CandidateEntry base;
    private final EditHistory history;

    Draft(CandidateEntry base) {
        this.base = base;
        this.history = new EditHistory(SpecState.of(base.spec()));
    }

    public CandidateEntry base() {
        return base;
    }

    public EditHistory history() {
        return history;
    }

    public SpecState state() {
        return history.current();
    }

    public boolean changed() {
        return !state().spec().equals(base.spec());
    }

    /** The draft's row: the current spec's MACs and widths, no accuracy, id 0, parent the base. */
    public CandidateEntry entry() {
        NetworkSpec spec = state().spec();
        Topology t = spec.topology();
        CandidateRecord b = base.record();
        CandidateRecord r = new CandidateRecord(0, b.id(), b.round(), Method.EDIT, "edit of " + base.displayId(),
                t.macs(), t.params(), Double.NaN, Double.NaN, 0, t.neuronLayers().stream().map(NeuronLayer::key).toList(),
                t.neuronLayers().stream().map(NeuronLayer::width).toList(), "", System.currentTimeMillis());
        return new CandidateEntry(r, spec, true);
    }

    /** Layers the current spec re-initialises (see {@link EditedWeights#redrawnLayers}). */
    public List<String> redrawnLayers() {
        return EditedWeights.redrawnLayers(base.spec(), state().spec(), state().origins());
    }

    /** The edited model; {@code baseModel} is the base candidate's model. Off the FX thread. */
    static Model materialize(Model baseModel, SpecState state, long seed) {
        return EditedWeights.materialize(baseModel, state.spec(), state.origins(), seed);
    }
}
