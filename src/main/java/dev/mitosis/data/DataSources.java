package dev.mitosis.data;

import dev.mitosis.io.BadInputException;
import dev.mitosis.data.DataFiles.Content;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves the {@code --data} option to a {@link DataSplit}, offline. The value is one of:
 * <ul>
 *   <li>{@code sample}: the Fashion-MNIST subset bundled in the jar (classpath
 *       {@value #SAMPLE_RESOURCE}), or in {@code samples/fashion-mnist-sample/} when running from a
 *       source tree whose resources were not copied;</li>
 *   <li>a {@link KnownDataset} name ({@code fashion-mnist}, {@code mnist}, {@code cifar10},
 *       {@code cifar100}): the first existing directory of {@link #searchPath} is read;</li>
 *   <li>anything else is a directory whose format is detected from its files. Names win over paths:
 *       write {@code ./mnist} for a directory called {@code mnist}.</li>
 * </ul>
 * Nothing is ever downloaded; when a set is missing the error lists where it looked and how to get it.
 * The environment is injected so that tests can control every place searched.
 */
public final class DataSources {

    public static final String SAMPLE = "sample";
    /** Environment variable naming a data root with one directory per set, e.g. {@code $MITOSIS_DATA/cifar10}. */
    public static final String ENV_VAR = "MITOSIS_DATA";
    static final String SAMPLE_RESOURCE = "/samples/fashion-mnist-sample/";
    private static final Path SAMPLE_DIRECTORY = Path.of("samples", "fashion-mnist-sample");

    private final Map<String, String> environment;
    private final Path mitosisHome;
    private final Path systemDatasets;

    /**
     * @param environment    environment variables; only {@value #ENV_VAR} is read
     * @param mitosisHome    the user's Mitosis directory ({@code ~/.mitosis}); sets live in its {@code datasets/}
     * @param systemDatasets where distribution packages install data ({@code /usr/share/datasets} on Debian)
     */
    public DataSources(Map<String, String> environment, Path mitosisHome, Path systemDatasets) {
        this.environment = Map.copyOf(environment);
        this.mitosisHome = mitosisHome;
        this.systemDatasets = systemDatasets;
    }

    /**
     * The real environment: {@code ~/.mitosis}, unless the system property {@code mitosis.home} names
     * another directory (the build points it into {@code target/} so tests never read the user's home).
     */
    public static DataSources system() {
        Path home = Path.of(System.getProperty("mitosis.home", System.getProperty("user.home") + "/.mitosis"));
        return new DataSources(System.getenv(), home, Path.of("/usr/share/datasets"));
    }

    /** Resolves {@code --data} (with {@code --data-dir}, when given) and reads both parts. */
    public DataSplit load(String data, Optional<Path> dataDir) {
        if (data.equals(SAMPLE)) {
            return sample();
        }
        Optional<KnownDataset> known = KnownDataset.byId(data);
        if (known.isPresent()) {
            return read(locate(known.get(), dataDir), known.get());
        }
        return readDirectory(toPath(data));
    }

    /**
     * Where a named set is looked for, in order: {@code DATA_DIR/<name>}, {@code $MITOSIS_DATA/<name>},
     * {@code ~/.mitosis/datasets/<name>}, {@code /usr/share/datasets/<name>} (Debian's
     * {@code dataset-fashion-mnist} installs {@code /usr/share/datasets/fashion-mnist}).
     */
    public List<Path> searchPath(KnownDataset kind, Optional<Path> dataDir) {
        List<Path> roots = new ArrayList<>();
        dataDir.ifPresent(roots::add);
        Optional.ofNullable(environment.get(ENV_VAR)).filter(v -> !v.isBlank()).map(DataSources::toPath)
                .ifPresent(roots::add);
        roots.add(mitosisHome.resolve("datasets"));
        roots.add(systemDatasets);
        return roots.stream().map(root -> root.resolve(kind.id())).toList();
    }

    /** The first directory of {@link #searchPath} that exists; its contents are checked when read. */
    public Path locate(KnownDataset kind, Optional<Path> dataDir) {
        List<Path> candidates = searchPath(kind, dataDir);
        return candidates.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new BadInputException(
                kind.id() + ": not found in " + candidates.stream().map(Path::toString).collect(Collectors.joining(", "))
                        + "; " + kind.howToGet()));
    }

    /** The bundled Fashion-MNIST subset: 10,000 training and 2,000 test images, 28×28, balanced classes. */
    public static DataSplit sample() {
        return sample(SAMPLE_RESOURCE, SAMPLE_DIRECTORY);
    }

    /** Reads the sample from the classpath folder {@code resource}, else from the directory {@code fallback}. */
    static DataSplit sample(String resource, Path fallback) {
        if (DataSources.class.getResource(resource + IdxFormat.imagesFile("train") + ".gz") != null) {
            return new DataSplit(sampleSplit(resource, "train", "train"), sampleSplit(resource, "t10k", "test"));
        }
        if (Files.isDirectory(fallback)) {
            return IdxFormat.read(fallback, KnownDataset.FASHION_MNIST);
        }
        throw new BadInputException(SAMPLE + ": the bundled sample is neither on the classpath (" + resource
                + ") nor in " + fallback.toAbsolutePath() + "; rebuild the jar or run samples/make-fashion-mnist-sample.py");
    }

    /** One part of the classpath sample; its files are gzipped IDX with the original names. */
    private static Dataset sampleSplit(String resource, String split, String part) {
        Content images = requiredResource(resource + IdxFormat.imagesFile(split) + ".gz");
        Content labels = requiredResource(resource + IdxFormat.labelsFile(split) + ".gz");
        return IdxFormat.parse(images, labels, KnownDataset.FASHION_MNIST, SAMPLE + " (" + part + ")");
    }

    private static Content requiredResource(String path) {
        return DataFiles.resource(path).orElseThrow(() -> new BadInputException("classpath:" + path + ": missing"
                + " from the bundled sample; rebuild the jar"));
    }

    /** Reads a directory given as {@code --data PATH}, recognising its format from the files in it. */
    static DataSplit readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such directory (--data takes " + SAMPLE + ", "
                    + Arrays.stream(KnownDataset.values()).map(KnownDataset::id).collect(Collectors.joining(", "))
                    + " or a dataset directory)");
        }
        if (IdxFormat.isIdxDirectory(dir)) {
            return IdxFormat.read(dir, idxKind(dir));
        }
        for (KnownDataset cifar : List.of(KnownDataset.CIFAR10, KnownDataset.CIFAR100)) {
            if (CifarFormat.isCifarDirectory(dir, cifar)) {
                return CifarFormat.read(dir, cifar);
            }
        }
        throw new BadInputException(dir + ": no dataset recognised (expected IDX files such as "
                + IdxFormat.imagesFile("train") + "[.gz], CIFAR-10 test_batch.bin or CIFAR-100 test.bin, here or"
                + " in cifar-10-batches-bin/ or cifar-100-binary/)");
    }

    /**
     * IDX files do not say what they show. A directory whose path mentions "fashion" is taken as
     * Fashion-MNIST (clothes: flipped when augmenting), anything else as MNIST digits (never flipped).
     */
    static KnownDataset idxKind(Path dir) {
        return dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion")
                ? KnownDataset.FASHION_MNIST : KnownDataset.MNIST;
    }

    private static DataSplit read(Path dir, KnownDataset kind) {
        return switch (kind.format()) {
            case IDX -> IdxFormat.read(dir, kind);
            case CIFAR10, CIFAR100 -> CifarFormat.read(dir, kind);
        };
    }

    private static Path toPath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new BadInputException(text + ": not a valid path (" + e.getReason() + ")");
        }
    }
}
