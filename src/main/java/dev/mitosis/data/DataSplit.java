package dev.mitosis.data;

import dev.mitosis.io.BadInputException;
import dev.mitosis.net.NetworkSpec;

/**
 * The two parts of a dataset as published: {@code train} to fit and compute statistics on, {@code test}
 * to report accuracy. Both must be the same kind of images, or a model trained on one could not be
 * evaluated on the other.
 */
public record DataSplit(Dataset train, Dataset test) {

    public DataSplit {
        if (train.kind() != test.kind()) {
            throw new BadInputException(test.name() + ": " + test.kind().id() + " images, but the training set "
                    + train.name() + " is " + train.kind().id());
        }
        if (!train.shape().equals(test.shape())) {
            throw new BadInputException(test.name() + ": images are " + test.shape() + " (CxHxW), but the training"
                    + " images are " + train.shape());
        }
    }

    /**
     * Fails with one line when these images cannot feed {@code spec}: another input shape or another
     * number of classes. {@code name} says where the data came from ("--data cifar10", a directory).
     */
    public void checkFits(NetworkSpec spec, String name) {
        if (!train.shape().equals(spec.input())) {
            throw new BadInputException(name + ": images are " + train.shape() + " (CxHxW) but " + spec.name()
                    + " takes " + spec.input() + "; choose data that fits the network or a template for it");
        }
        if (train.classes() != spec.classes()) {
            throw new BadInputException(name + ": " + train.classes() + " classes but " + spec.name() + " has "
                    + spec.classes() + " outputs");
        }
    }

    public KnownDataset kind() {
        return train.kind();
    }
}
