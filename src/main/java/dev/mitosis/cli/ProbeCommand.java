package dev.mitosis.cli;

import dev.mitosis.text.Formats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.model.Model;
import dev.mitosis.net.Costs;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.split.Candidate;
import dev.mitosis.split.LayerProbe;
import dev.mitosis.split.Plan;
import dev.mitosis.split.ProbeResult;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Estimate every neuron's splitting eigenvalues and show which the selection would split.")
final class ProbeCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    ProbeRun probeRun;
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        ProbeRun.Outcome o = probeRun.run();
        Model m = o.input().model();
        ProbeResult result = o.probe();
        Plan plan = o.plan();
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Json.print(out, json(m.spec(), result, plan));
        } else {
            print(out, m.spec(), result, plan);
        }
    }

    static ObjectNode json(NetworkSpec net, ProbeResult result, Plan plan) {
        ObjectNode root = Json.object();
        root.put("model", net.name());
        root.put("method", result.method());
        root.put("curvature", result.curvature());
        root.put("images", result.images());
        root.put("seconds", result.seconds());
        ObjectNode sel = root.putObject("selection");
        sel.put("strategy", plan.strategy());
        sel.put("macsBefore", plan.macsBefore());
        sel.put("macsAfter", plan.macsAfter());
        sel.put("neuronsAdded", plan.neuronsAdded());
        sel.put("predictedLossCoefficient", plan.predictedCoefficient());
        if (!plan.note().isEmpty()) {
            sel.put("note", plan.note());
        }
        ArrayNode layers = root.putArray("layers");
        List<NeuronLayer> neuronLayers = net.topology().neuronLayers();
        for (int li = 0; li < neuronLayers.size(); li++) {
            NeuronLayer nl = neuronLayers.get(li);
            LayerProbe lp = result.layer(nl.key()).orElseThrow();
            long cost = Costs.macIncrement(net, nl);
            ObjectNode layer = layers.addObject();
            layer.put("key", nl.weightKey());
            layer.put("width", nl.width());
            layer.put("fanIn", nl.fanIn());
            layer.put("macCost", cost);
            ArrayNode neurons = layer.putArray("neurons");
            for (int j = 0; j < nl.width(); j++) {
                ObjectNode n = neurons.addObject();
                n.put("index", j);
                n.put("lambdaMin", lp.lambdaMin()[j]);
                int jj = j;
                lp.lambdaMax().ifPresent(mx -> n.put("lambdaMax", mx[jj]));
                n.put("cost", cost);
                int layerIndex = li;
                Optional<Candidate> chosen = plan.selected().stream()
                        .filter(c -> c.layer() == layerIndex && c.neuron() == jj).findFirst();
                n.put("selected", chosen.isPresent());
                chosen.ifPresent(c -> n.put("split", c.kind().name().toLowerCase(Locale.ROOT)));
            }
        }
        return root;
    }

    static void print(PrintWriter out, NetworkSpec net, ProbeResult result, Plan plan) {
        out.printf(Locale.ROOT, "%s: %s probe (%s curvature) over %d images in %s%n", net.name(), result.method(),
                result.curvature(), result.images(), Formats.duration(result.seconds()));
        out.printf(Locale.ROOT, "%-22s %6s %12s %12s %9s %9s %9s%n", "layer", "width", "min λ_min", "median λ_min",
                "λ_min<0", "selected", "MACs/n");
        int[] added = plan.addedPerLayer();
        List<NeuronLayer> layers = net.topology().neuronLayers();
        for (int li = 0; li < layers.size(); li++) {
            NeuronLayer nl = layers.get(li);
            double[] lambda = result.layer(nl.key()).orElseThrow().lambdaMin().clone();
            Arrays.sort(lambda);
            long negative = Arrays.stream(lambda).filter(x -> x < 0).count();
            out.printf(Locale.ROOT, "%-22s %6d %12.4g %12.4g %9d %9d %9s%n", nl.weightKey(), nl.width(), lambda[0],
                    lambda[lambda.length / 2], negative, added[li], Formats.count(Costs.macIncrement(net, nl)));
        }
        out.printf(Locale.ROOT, "%s: %d neurons, %s -> %s MACs, predicted loss change %.4g·ε²%n", plan.strategy(),
                plan.neuronsAdded(), Formats.count(plan.macsBefore()), Formats.count(plan.macsAfter()),
                0.5 * plan.predictedCoefficient());
        if (!plan.note().isEmpty()) {
            out.println(plan.note());
        }
        out.flush();
    }
}
