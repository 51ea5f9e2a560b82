package dev.mitosis.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.mitosis.data.DataSplit;
import dev.mitosis.data.Dataset;
import dev.mitosis.data.Normalization;
import dev.mitosis.engine.SlimmableNetwork;
import dev.mitosis.grow.TinyData;
import dev.mitosis.io.BadInputException;
import dev.mitosis.model.BundledSeed;
import dev.mitosis.model.Model;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.weights.Initializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The greedy search walks down from the supernet one group at a time and records, for each target, the
 * first configuration at or under it; it reads only the training images it is given, and the held-out
 * part it scores on is cut from the training set, disjoint from what the supernet trains on.
 */
class GreedySlimmingTest {

    static final NetworkSpec SEED = BundledSeed.load().spec();

    @Test
    void everyTargetIsReachedFromAboveWithoutBeingExceeded() {
        ChannelGrid grid = ChannelGrid.of(ChannelGrid.supernet(SEED, 1.5), 4);
        long top = grid.macs(grid.largest());
        long bottom = grid.macs(grid.smallest());
        List<Long> targets = List.of(bottom + (top - bottom) / 4, bottom + (top - bottom) * 2 / 3);
        DataSplit data = TinyData.split(8, 1);
        AutoSlimBaseline.Parts parts = AutoSlimBaseline.holdOut(data.train(), 40, 1);
        Normalization norm = Normalization.of(data.train());
        Model supernet = new Model(grid.supernet(), Initializer.initialize(grid.supernet(), 3));
        List<long[]> walk = new ArrayList<>();
        List<GreedySlimming.Found> found;
        try (SlimmableNetwork net = SlimmableNetwork.load(supernet, Device.cpu())) {
            GreedySlimming search = new GreedySlimming(net, grid, parts.heldOut(), parts.fit().first(16), norm, 16,
                    () -> false);
            found = search.search(targets, (steps, macs, accuracy, fraction) -> walk.add(new long[] {steps, macs}));
            assertThat(search.evaluations()).isGreaterThan(walk.size());
        }
        assertThat(found).extracting(GreedySlimming.Found::target).containsExactly(targets.get(1), targets.get(0));
        long previousStepMacs = top;
        for (long[] step : walk) {
            assertThat(step[1]).as("each step takes channels away").isLessThan(previousStepMacs);
            previousStepMacs = step[1];
        }
        for (GreedySlimming.Found f : found) {
            assertThat(f.macs()).isLessThanOrEqualTo(f.target()).isEqualTo(grid.macs(f.levels()));
            assertThat(f.previousMacs()).as("one step before, the target was not met yet").isGreaterThan(f.target());
            assertThat(f.heldOutAccuracy()).isBetween(0.0, 1.0);
            // one step narrower in one layer per greedy step: the levels sum drops by exactly the steps taken
            assertThat(Arrays.stream(grid.largest()).sum() - Arrays.stream(f.levels()).sum()).isEqualTo(f.steps());
        }
        assertThat(found.get(1).steps()).isGreaterThan(found.get(0).steps());
    }

    @Test
    void theHeldOutPartIsBalancedAndDisjointFromTheSupernetsTrainingPart() {
        Dataset train = TinyData.split(20, 1).train();
        AutoSlimBaseline.Parts parts = AutoSlimBaseline.holdOut(train, 50, 7);
        assertThat(parts.heldOut().size()).isEqualTo(50);
        assertThat(parts.fit().size()).isEqualTo(train.size() - 50);
        assertThat(parts.heldOut().classCounts()).containsOnly(5);
        Set<String> fit = new HashSet<>();
        for (int i = 0; i < parts.fit().size(); i++) {
            fit.add(Arrays.toString(parts.fit().image(i)));
        }
        Set<String> all = new HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            all.add(Arrays.toString(train.image(i)));
        }
        for (int i = 0; i < parts.heldOut().size(); i++) {
            String image = Arrays.toString(parts.heldOut().image(i));
            assertThat(all).contains(image);
            assertThat(fit).doesNotContain(image);
        }
    }

    @Test
    void targetsOutsideTheGridAreRefusedWithTheBoundInTheMessage() {
        ChannelGrid grid = ChannelGrid.of(ChannelGrid.supernet(SEED, 1.5), 10);
        long top = grid.macs(grid.largest());
        long bottom = grid.macs(grid.smallest());
        assertThatThrownBy(() -> GreedySlimming.checkTargets(grid, List.of(top + 1), "--targets"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("above the supernet's");
        assertThatThrownBy(() -> GreedySlimming.checkTargets(grid, List.of(bottom - 1), "--targets"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("below the narrowest");
        GreedySlimming.checkTargets(grid, List.of(top, bottom), "--targets");
    }

    @Test
    void theGridsWidthsAreGroupsOfTheSupernetsAndItsTopIsTheSupernet() {
        NetworkSpec supernet = ChannelGrid.supernet(SEED, 2);
        ChannelGrid grid = ChannelGrid.of(supernet, 10);
        assertThat(grid.spec(grid.largest()).blocks()).isEqualTo(supernet.blocks());
        int stem = supernet.topology().neuronLayers().get(0).width();
        assertThat(stem).isEqualTo(2 * SEED.topology().neuronLayers().get(0).width());
        int[] narrow = grid.widths(grid.smallest());
        assertThat(narrow[0]).isEqualTo(Math.max(1, Math.round(stem / 10f)));
        assertThat(grid.shrunk(grid.smallest(), 0)).isNull();
    }
}
