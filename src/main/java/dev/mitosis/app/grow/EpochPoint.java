package dev.mitosis.app.grow;

import dev.mitosis.train.EpochMetrics;

/** One finished fine-tuning epoch of one round, as the Training chart plots it. */
public record EpochPoint(int round, EpochMetrics metrics) {
}
