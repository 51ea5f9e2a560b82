package dev.mitosis.app.workspace;

import dev.mitosis.run.Method;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.run.CandidateRecord;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The explorer's state without a window: drafts, undo, budget, split counts, the compared candidate. */
class WorkspaceTest {

    private final NetworkSpec seed = BundledSeed.load().spec();

    private static CandidateEntry entry(long id, long parent, int round, Method method, NetworkSpec spec, double acc) {
        List<NeuronLayer> layers = spec.topology().neuronLayers();
        return new CandidateEntry(new CandidateRecord(id, parent, round, method, method.id(), spec.macs(), spec.params(), acc,
                0.3, 1, layers.stream().map(NeuronLayer::key).toList(), layers.stream().map(NeuronLayer::width).toList(),
                "", 0), spec, false);
    }

    private Workspace open(CandidateEntry... entries) {
        Workspace w = new Workspace();
        ModelDocument doc = new ModelDocument(BundledSeed.load(), Optional.empty(), "test", Optional.empty());
        w.open(new Documents.Opened(doc, List.of(entries)));
        return w;
    }

    @Test
    void editsMakeADraftAndLeaveTheStoredCandidateAlone() {
        CandidateEntry s = entry(1, 0, 0, Method.SEED, seed, 0.9);
        Workspace w = open(s);
        assertThat(w.edit(st -> st.withBlock(3, dev.mitosis.app.graph.BlockEdits.withWidth(seed.blocks().get(3), 24),
                "w"))).isEmpty();
        assertThat(w.selected().draft()).isTrue();
        assertThat(w.selected().macs()).isEqualTo(seed.withWidth(3, 24).macs());
        assertThat(w.candidates()).hasSize(2);
        assertThat(w.stored()).containsExactly(s);
        assertThat(w.editNoteProperty().get()).contains("blocks.3.pw");
        assertThat(w.undo()).isTrue();
        assertThat(w.selected().spec()).isEqualTo(seed);
        assertThat(w.redo()).isTrue();
        assertThat(w.selected().spec()).isEqualTo(seed.withWidth(3, 24));
    }

    @Test
    void aRefusedEditChangesNothing() {
        Workspace w = open(entry(1, 0, 0, Method.SEED, seed, 0.9));
        Optional<String> refused = w.edit(st -> st.withoutBlock(seed.blocks().size() - 1, "remove the classifier"));
        assertThat(refused).isPresent();
        assertThat(refused.get()).contains("the last block must be the linear classifier");
        assertThat(w.draft()).isEmpty();
        assertThat(w.candidates()).hasSize(1);
        assertThat(w.canUndoProperty().get()).isFalse();
    }

    @Test
    void splitCountsAreTheWidthsGainedOverTheParent() {
        NetworkSpec grown = seed.withWidth(6, 30).withWidth(7, 27);
        CandidateEntry s = entry(1, 0, 0, Method.SEED, seed, 0.9);
        CandidateEntry g = entry(2, 1, 1, Method.SPLIT, grown, 0.91);
        Workspace w = open(s, g);
        assertThat(w.splitCounts(g)).containsExactly(java.util.Map.entry("blocks.6.pw", 6),
                java.util.Map.entry("blocks.7.pw", 3));
        assertThat(w.splitCounts(s)).isEmpty();
    }

    @Test
    void theBudgetFollowsGrowthUntilTheUserMovesIt() {
        CandidateEntry s = entry(1, 0, 0, Method.SEED, seed, 0.9);
        Workspace w = open(s);
        assertThat(w.budgetProperty().get()).isEqualTo(seed.macs());
        NetworkSpec grown = seed.withWidth(6, 40);
        w.addCandidate(entry(2, 1, 1, Method.SPLIT, grown, 0.91));
        assertThat(w.budgetProperty().get()).isEqualTo(grown.macs());
        w.budgetProperty().set(seed.macs() + 1);
        w.addCandidate(entry(3, 2, 2, Method.SPLIT, grown.withWidth(7, 40), 0.92));
        assertThat(w.budgetProperty().get()).isEqualTo(seed.macs() + 1);
        assertThat(w.selectBestUnder(seed.macs() + 1)).map(CandidateEntry::id).contains(1L);
        assertThat(w.selectBestUnder(seed.macs() - 1)).isEmpty();
        assertThat(w.selected()).isNull();
        assertThat(w.comparedProperty().get()).isNull();
    }

    @Test
    void theComparedCandidateIsTheSelectionsParentUnlessTheUserChoseAnother() {
        NetworkSpec r1 = seed.withWidth(6, 30);
        CandidateEntry s = entry(1, 0, 0, Method.SEED, seed, 0.9);
        CandidateEntry g1 = entry(2, 1, 1, Method.SPLIT, r1, 0.91);
        CandidateEntry g2 = entry(3, 2, 2, Method.SPLIT, r1.withWidth(7, 30), 0.92);
        CandidateEntry uniform = entry(4, 0, 0, Method.UNIFORM, seed.withWidth(6, 40), 0.905);
        Workspace w = open(s, g1, g2, uniform);
        assertThat(w.selected()).isEqualTo(g2);
        assertThat(w.comparedProperty().get()).isEqualTo(g1);
        w.selectedProperty().set(g1);
        assertThat(w.comparedProperty().get()).isEqualTo(s);

        // the user's B stays while A moves
        w.comparedProperty().set(uniform);
        w.selectedProperty().set(g2);
        assertThat(w.comparedProperty().get()).isEqualTo(uniform);
        // until A becomes B: then B is A's parent again
        w.selectedProperty().set(uniform);
        assertThat(w.comparedProperty().get()).isEqualTo(s);

        // without a parent, B is the first stored candidate; the first one itself has none to compare with
        w.comparedProperty().set(null);
        w.selectedProperty().set(s);
        assertThat(w.comparedProperty().get()).isNull();
        w.selectedProperty().set(uniform);
        assertThat(w.comparedProperty().get()).isEqualTo(s);
    }

    @Test
    void aDraftIsComparedWithItsBaseAndOpeningAgainComparesAfresh() {
        CandidateEntry s = entry(1, 0, 0, Method.SEED, seed, 0.9);
        CandidateEntry g = entry(2, 1, 1, Method.SPLIT, seed.withWidth(6, 30), 0.91);
        Workspace w = open(s, g);
        w.selectedProperty().set(s);
        assertThat(w.comparedProperty().get()).isNull();
        assertThat(w.edit(st -> st.withBlock(3, dev.mitosis.app.graph.BlockEdits.withWidth(seed.blocks().get(3), 24),
                "w"))).isEmpty();
        assertThat(w.selected().draft()).isTrue();
        assertThat(w.comparedProperty().get()).isEqualTo(s);

        w.open(new Documents.Opened(w.document(), List.of(s, g)));
        assertThat(w.comparedProperty().get()).isEqualTo(s);
        // the same selection again (no change event) still gets its default
        w.comparedProperty().set(null);
        w.open(new Documents.Opened(w.document(), List.of(s, g)));
        assertThat(w.selected()).isEqualTo(g);
        assertThat(w.comparedProperty().get()).isEqualTo(s);
    }
}
