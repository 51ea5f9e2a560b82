package dev.mitosis.cli;

import dev.mitosis.text.Formats;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mitosis.model.Model;
import dev.mitosis.net.Block;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.NeuronLayer;
import dev.mitosis.net.Topology;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show a model's layers with output shape, width, MACs and parameters.")
final class InfoCommand implements Runnable {

    @Spec
    CommandSpec spec;
    @Mixin
    ModelOptions model;
    @Mixin
    OutputOptions output;

    @Override
    public void run() {
        Model m = model.load(Optional.empty());
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Json.print(out, json(m.spec()));
        } else {
            print(out, m.spec());
        }
    }

    static ObjectNode json(NetworkSpec net) {
        Topology t = net.topology();
        ObjectNode root = Json.object();
        root.put("name", net.name());
        root.put("input", net.input().toHwc());
        root.put("classes", net.classes());
        root.put("macs", t.macs());
        root.put("params", t.params());
        ArrayNode layers = root.putArray("layers");
        for (Layer l : t.layers()) {
            ObjectNode n = layers.addObject();
            n.put("name", l.name());
            n.put("kind", l.op().name().toLowerCase(Locale.ROOT));
            n.put("block", l.block());
            n.put("blockKind", net.blocks().get(l.block()).kind());
            ArrayNode shape = n.putArray("output");
            shape.add(l.output().channels()).add(l.output().height()).add(l.output().width());
            n.put("width", l.outChannels());
            n.put("macs", l.macs());
            n.put("params", l.params());
            n.put("activation", l.activation().jsonName());
            Optional<NeuronLayer> neuron = t.neuronLayer(l.name());
            n.put("splittable", neuron.isPresent());
            neuron.filter(x -> x.cap() != Block.NO_CAP).ifPresent(x -> n.put("cap", x.cap()));
        }
        return root;
    }

    static void print(PrintWriter out, NetworkSpec net) {
        Topology t = net.topology();
        out.printf(Locale.ROOT, "%s  input %s  %d classes  %s MACs  %s params%n", net.name(), net.input().toHwc(),
                net.classes(), Formats.count(t.macs()), Formats.count(t.params()));
        out.printf(Locale.ROOT, "%-18s %-9s %-11s %6s %10s %7s %9s  %s%n", "layer", "kind", "output", "width",
                "MACs", "share", "params", "split");
        for (Layer l : t.layers()) {
            Optional<NeuronLayer> neuron = t.neuronLayer(l.name());
            String split = neuron.map(n -> n.cap() == Block.NO_CAP ? "yes" : "cap " + n.cap()).orElse("");
            out.printf(Locale.ROOT, "%-18s %-9s %-11s %6d %10s %7s %9s  %s%n", l.name(),
                    l.op().name().toLowerCase(Locale.ROOT), l.output().toString(), l.outChannels(),
                    Formats.count(l.macs()), Formats.percent((double) l.macs() / t.macs()), Formats.count(l.params()), split);
        }
        out.printf(Locale.ROOT, "%d splittable layers, %d neurons%n", t.neuronLayers().size(), t.neuronCount());
        out.flush();
    }
}
