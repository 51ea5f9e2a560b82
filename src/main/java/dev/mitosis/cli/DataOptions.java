package dev.mitosis.cli;

import dev.mitosis.data.DataSources;
import dev.mitosis.data.DataSplit;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --data-dir}. */
public final class DataOptions {

    @Option(names = "--data", paramLabel = "D", defaultValue = "sample",
            description = "fashion-mnist, mnist, cifar10, cifar100, sample (bundled Fashion-MNIST subset) or a"
                    + " directory (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory holding datasets by name (searched before $MITOSIS_DATA,"
                    + " ~/.mitosis/datasets and /usr/share/datasets).")
    Path dataDir;

    private DataSplit loaded;

    public DataSplit load() {
        if (loaded == null) {
            loaded = DataSources.system().load(data, Optional.ofNullable(dataDir));
        }
        return loaded;
    }
}
