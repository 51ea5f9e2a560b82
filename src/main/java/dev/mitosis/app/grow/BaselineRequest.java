package dev.mitosis.app.grow;

import dev.mitosis.baseline.UniformBaseline;
import dev.mitosis.engine.DeviceChoice;
import java.util.List;

/**
 * What the Baselines dialog asks for, as {@code mitosis baseline uniform}, {@code random} and
 * {@code autoslim} take it: the uniform profile and its width multipliers, the random-splitting seeds, or
 * AutoSlim's MAC targets and supernet epochs. Exactly one kind.
 */
public sealed interface BaselineRequest {

    DeviceChoice device();

    /** What the status bar calls the job. */
    String noun();

    record Uniform(UniformBaseline.Profile profile, List<Double> multipliers, DeviceChoice device)
            implements BaselineRequest {
        @Override
        public String noun() {
            return "Uniform baseline";
        }

        public Uniform {
            multipliers = List.copyOf(multipliers);
            if (multipliers.isEmpty() || multipliers.stream().anyMatch(k -> !(k > 0))) {
                throw new IllegalArgumentException("width multipliers: give one or more positive numbers");
            }
        }
    }

    record Random(List<Long> seeds, DeviceChoice device) implements BaselineRequest {
        @Override
        public String noun() {
            return "Random-split baseline";
        }

        public Random {
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("seeds: give one or more numbers");
            }
        }
    }

    /**
     * @param targets MAC targets, at least one
     * @param supernetEpochs epochs of supernet training
     * @param groups widths per layer the search chooses among
     * @param resume continue the run's stored search (otherwise a stored one is discarded)
     */
    record AutoSlim(List<Long> targets, int supernetEpochs, int groups, boolean resume, DeviceChoice device)
            implements BaselineRequest {
        @Override
        public String noun() {
            return "AutoSlim";
        }

        public AutoSlim {
            targets = List.copyOf(targets);
            if (targets.isEmpty() || targets.stream().anyMatch(t -> t <= 0)) {
                throw new IllegalArgumentException("MAC targets: give one or more positive counts such as 400k");
            }
            if (supernetEpochs < 1) {
                throw new IllegalArgumentException("supernet epochs: give a number of at least 1");
            }
            if (groups < 2) {
                throw new IllegalArgumentException("channel groups: give a number of at least 2");
            }
        }
    }
}
