package dev.mitosis.data;

import dev.mitosis.io.BadInputException;

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

    public KnownDataset kind() {
        return train.kind();
    }
}
