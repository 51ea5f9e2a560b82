package dev.mitosis.app.grow;

import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig.Strategy;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * What the Grow dialog asks for: the session's options plus where the data and the run live. The
 * backend maps it to the engine's growth configuration.
 *
 * @param growFraction the share of all neurons a quantile or energy-aware round may add (e.g. 0.3)
 * @param macTarget the MAC count to grow toward (strategy {@link Strategy#MAC_TARGET})
 * @param dataset "sample", a known dataset name (fashion-mnist, mnist, cifar10, …) or a directory
 * @param trainImages use only this many training images (0 = all), balanced over classes
 * @param testImages evaluate on only this many test images (0 = all)
 * @param probeImages images per probe pass (0 = the engine's default)
 * @param runDirectory a new directory for the run's store
 */
public record GrowRequest(int rounds, Strategy strategy, double growFraction, OptionalLong macTarget,
                          boolean signed, int fineTuneEpochs, double learningRate, int probePasses, int probeImages,
                          DeviceChoice device, String dataset, int trainImages, int testImages, Path runDirectory,
                          long seed) {

    public GrowRequest {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, found " + rounds);
        }
        if (!(growFraction > 0 && growFraction <= 1)) {
            throw new IllegalArgumentException("grow fraction must be in (0, 1], found " + growFraction);
        }
        if (strategy == Strategy.MAC_TARGET && (macTarget.isEmpty() || macTarget.getAsLong() <= 0)) {
            throw new IllegalArgumentException("a MAC target is needed to grow toward one");
        }
        if (fineTuneEpochs < 0) {
            throw new IllegalArgumentException("fine-tune epochs must not be negative, found " + fineTuneEpochs);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, found " + learningRate);
        }
        if (probePasses < 0 || probeImages < 0 || trainImages < 0 || testImages < 0) {
            throw new IllegalArgumentException("image and pass counts must not be negative");
        }
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("choose a dataset");
        }
    }

    public GrowRequest withRunDirectory(Path dir) {
        return new GrowRequest(rounds, strategy, growFraction, macTarget, signed, fineTuneEpochs, learningRate,
                probePasses, probeImages, device, dataset, trainImages, testImages, dir, seed);
    }
}
