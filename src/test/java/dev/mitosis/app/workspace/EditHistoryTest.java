package dev.mitosis.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.model.BundledSeed;
import dev.mitosis.net.NetworkSpec;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    private final NetworkSpec seed = BundledSeed.load().spec();

    private SpecState width(SpecState s, int block, int w) {
        return new SpecState(s.spec().withWidth(block, w), s.origins(), "width " + w);
    }

    @Test
    void undoAndRedoWalkTheStates() {
        EditHistory h = new EditHistory(SpecState.of(seed));
        assertThat(h.canUndoProperty().get()).isFalse();
        SpecState a = width(h.current(), 3, 16);
        h.push(a);
        SpecState b = width(a, 4, 32);
        h.push(b);
        assertThat(h.current()).isEqualTo(b);
        assertThat(h.current().description()).isEqualTo("width 32");
        assertThat(h.undo()).isTrue();
        assertThat(h.current()).isEqualTo(a);
        assertThat(h.canRedoProperty().get()).isTrue();
        assertThat(h.undo()).isTrue();
        assertThat(h.current().spec()).isEqualTo(seed);
        assertThat(h.undo()).isFalse();
        assertThat(h.redo()).isTrue();
        assertThat(h.current()).isEqualTo(a);
    }

    @Test
    void aNewEditDropsTheRedoBranch() {
        EditHistory h = new EditHistory(SpecState.of(seed));
        SpecState a = width(h.current(), 3, 16);
        h.push(a);
        h.push(width(a, 4, 32));
        h.undo();
        SpecState c = width(a, 5, 40);
        h.push(c);
        assertThat(h.canRedoProperty().get()).isFalse();
        assertThat(h.redo()).isFalse();
        h.undo();
        assertThat(h.current()).isEqualTo(a);
    }

    @Test
    void theBaseSurvivesTheLimit() {
        EditHistory h = new EditHistory(SpecState.of(seed));
        SpecState s = h.current();
        for (int i = 0; i < EditHistory.LIMIT + 50; i++) {
            s = width(s, 3, 9 + i % 7);
            h.push(s);
        }
        int undos = 0;
        while (h.undo()) {
            undos++;
        }
        assertThat(undos).isEqualTo(EditHistory.LIMIT);
        assertThat(h.current().spec()).isEqualTo(seed);
    }
}
