package dev.mitosis.model;

import dev.mitosis.net.NetworkSpec;
import dev.mitosis.weights.WeightLayout;
import dev.mitosis.weights.Weights;

/** A network description with weights that fit it (checked on construction). */
public record Model(NetworkSpec spec, Weights weights) {

    public Model {
        WeightLayout.check(spec, weights, spec.name());
        weights = WeightLayout.ordered(spec, weights);
    }
}
