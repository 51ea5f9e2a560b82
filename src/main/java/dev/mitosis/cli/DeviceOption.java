package dev.mitosis.cli;

import ai.djl.Device;
import dev.mitosis.engine.DeviceChoice;
import picocli.CommandLine.Option;

/** {@code --device auto|cpu|gpu[:N]}. */
public final class DeviceOption {

    @Option(names = "--device", paramLabel = "DEV", defaultValue = "auto",
            description = "auto (GPU if present), cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    DeviceChoice device;

    public Device resolve() {
        return device.resolve();
    }
}
