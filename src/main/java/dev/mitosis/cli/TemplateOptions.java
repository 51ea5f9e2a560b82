package dev.mitosis.cli;

import dev.mitosis.io.BadInputException;
import dev.mitosis.data.DataSplit;
import dev.mitosis.model.Model;
import dev.mitosis.model.ModelDirectory;
import dev.mitosis.net.Activation;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.SpecCodec;
import dev.mitosis.net.Templates;
import dev.mitosis.weights.Initializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a model argument is resolved: a model directory, a model.json file (weights drawn fresh) or a
 * template name with {@code --width}, {@code --input} and {@code --classes}. Without {@code --input} and
 * {@code --classes} a template takes them from the dataset when the command has one, else 32x32x3 and 10.
 */
public final class TemplateOptions {

    @Option(names = "--width", paramLabel = "W", defaultValue = "1.0",
            description = "Width multiplier for the mbv1/mbv2 templates (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--input", paramLabel = "HxWxC", description = "Template input shape, e.g. 28x28x1, 32x32x3,"
            + " 224x224x3 (default: the dataset's, else 32x32x3).")
    String input;

    @Option(names = "--classes", paramLabel = "N", description = "Template classes (default: the dataset's, else 10).")
    Integer classes;

    @Option(names = "--activation", paramLabel = "A", description = "Template activation: relu, relu6, swish,"
            + " hardswish (default: the template's).")
    String activation;

    @Option(names = "--init-seed", paramLabel = "S", defaultValue = "1",
            description = "Seed for freshly drawn weights (default: ${DEFAULT-VALUE}).")
    long initSeed;

    public Model load(String model, Optional<DataSplit> data) {
        Path path = Path.of(model);
        if (Files.isDirectory(path)) {
            return ModelDirectory.read(path);
        }
        if (model.endsWith(".json")) {
            NetworkSpec spec = SpecCodec.read(path);
            return new Model(spec, Initializer.initialize(spec, initSeed));
        }
        if (Templates.find(model).isEmpty()) {
            if (Files.exists(path)) {
                throw new BadInputException(model + ": not a model directory or model.json file");
            }
            throw new BadInputException(model + ": no such model directory, .json file or template (templates: "
                    + Templates.names() + ")");
        }
        NetworkSpec spec = Templates.create(model, options(data));
        return new Model(spec, Initializer.initialize(spec, initSeed));
    }

    Templates.Options options(Optional<DataSplit> data) {
        FeatureShape shape = input != null ? FeatureShape.parse(input)
                : data.map(d -> d.train().shape()).orElse(new FeatureShape(3, 32, 32));
        int k = classes != null ? classes : data.map(d -> d.train().classes()).orElse(10);
        return new Templates.Options(width, shape, k, Optional.ofNullable(activation).map(Activation::parse));
    }
}
