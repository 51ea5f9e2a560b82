package dev.mitosis.cli;

import dev.mitosis.engine.Network;
import dev.mitosis.split.Plan;
import dev.mitosis.split.ProbeListener;
import dev.mitosis.split.ProbeResult;
import picocli.CommandLine.Mixin;

/** What probe and split share: a model on its data, probed, and a selection made from the probe. */
final class ProbeRun {

    @Mixin
    ModelOptions model;
    @Mixin
    DataOptions data;
    @Mixin
    ProbeOptions probe;
    @Mixin
    ProbeTuningOptions tuning;
    @Mixin
    SelectionOptions selection;
    @Mixin
    DeviceOption device;

    /** The model and data, the probe's estimates and the plan chosen from them. */
    record Outcome(ModelOptions.OnData input, ProbeResult probe, Plan plan) {
    }

    Outcome run() {
        ModelOptions.OnData in = model.loadOn(data);
        ProbeResult result;
        try (Network net = Network.load(in.model(), device.resolve())) {
            result = tuning.run(probe, net, in.data(), in.normalization(), selection.signed(), ProbeListener.NONE);
        }
        return new Outcome(in, result, selection.select(in.model().spec(), result));
    }
}
