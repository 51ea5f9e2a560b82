package dev.mitosis.app.candidates;

import dev.mitosis.run.Method;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mitosis.app.workspace.CandidateEntry;
import dev.mitosis.run.CandidateRecord;
import dev.mitosis.model.BundledSeed;
import java.util.List;
import org.junit.jupiter.api.Test;

class WidthComparisonTest {

    private static CandidateEntry entry(List<String> keys, List<Integer> widths) {
        return new CandidateEntry(new CandidateRecord(1, 0, 0, Method.SEED, "x", 1, 1, 0.5, 0.5, 0, keys, widths, "", 0),
                BundledSeed.load().spec(), false);
    }

    @Test
    void rowsFollowAThenBsExtraLayers() {
        CandidateEntry a = entry(List.of("l1", "l2"), List.of(16, 24));
        CandidateEntry b = entry(List.of("l1", "l3"), List.of(8, 4));
        List<WidthComparison.Row> rows = WidthComparison.rows(a, b);
        assertThat(rows).containsExactly(new WidthComparison.Row("l1", 16, 8), new WidthComparison.Row("l2", 24, -1),
                new WidthComparison.Row("l3", -1, 4));
        assertThat(rows).extracting(WidthComparison.Row::delta).containsExactly(8, 0, 0);
        assertThat(WidthComparison.rows(a, null)).extracting(WidthComparison.Row::b).containsOnly(-1);
        assertThat(WidthComparison.rows(null, b)).isEmpty();
    }
}
