package dev.mitosis.app.grow;

import dev.mitosis.engine.DeviceChoice;
import java.nio.file.Path;

/**
 * What the Train dialog asks for: what {@code mitosis train TEMPLATE --width --epochs --data --out}
 * takes, plus the data subset the explorer's quick runs use.
 *
 * @param trainImages use only this many training images (0 = all), balanced over classes
 * @param testImages evaluate on only this many test images (0 = all)
 * @param out a new model directory (model.json, weights.safetensors, training.json)
 */
public record TrainRequest(String template, double width, int epochs, double learningRate, String dataset,
                           int trainImages, int testImages, DeviceChoice device, Path out) {

    public TrainRequest {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("choose a template");
        }
        if (!(width > 0)) {
            throw new IllegalArgumentException("width must be positive, found " + width);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, found " + epochs);
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, found " + learningRate);
        }
        if (trainImages < 0 || testImages < 0) {
            throw new IllegalArgumentException("image counts must not be negative");
        }
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("choose a dataset");
        }
    }
}
