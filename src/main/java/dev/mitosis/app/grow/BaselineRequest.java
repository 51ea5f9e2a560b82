package dev.mitosis.app.grow;

import dev.mitosis.baseline.UniformBaseline;
import dev.mitosis.engine.DeviceChoice;
import java.util.List;

/**
 * What the Baselines dialog asks for, as {@code mitosis baseline uniform} and {@code random} take it:
 * the uniform profile and its width multipliers, or the random-splitting seeds. Exactly one kind.
 */
public sealed interface BaselineRequest {

    DeviceChoice device();

    record Uniform(UniformBaseline.Profile profile, List<Double> multipliers, DeviceChoice device)
            implements BaselineRequest {
        public Uniform {
            multipliers = List.copyOf(multipliers);
            if (multipliers.isEmpty() || multipliers.stream().anyMatch(k -> !(k > 0))) {
                throw new IllegalArgumentException("width multipliers: give one or more positive numbers");
            }
        }
    }

    record Random(List<Long> seeds, DeviceChoice device) implements BaselineRequest {
        public Random {
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("seeds: give one or more numbers");
            }
        }
    }
}
