package dev.mitosis.engine;

import ai.djl.Device;
import dev.mitosis.io.BadInputException;
import java.util.Locale;

/**
 * Which device to run on, as the user says it: {@code auto} (the first GPU if PyTorch sees one, else
 * the CPU), {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}. Parsing checks the syntax only;
 * {@link #resolve} asks the engine whether the device exists, so a run config stays valid on a machine
 * with other devices.
 */
public record DeviceChoice(Kind kind, int index) {

    public enum Kind { AUTO, CPU, GPU }

    public static final DeviceChoice AUTO = new DeviceChoice(Kind.AUTO, 0);
    public static final DeviceChoice CPU = new DeviceChoice(Kind.CPU, 0);

    public DeviceChoice {
        if (index < 0 || (kind != Kind.GPU && index != 0)) {
            throw new IllegalArgumentException("device index " + index + " for " + kind);
        }
    }

    public static DeviceChoice gpu(int index) {
        return new DeviceChoice(Kind.GPU, index);
    }

    /** Reads {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
    public static DeviceChoice parse(String text) {
        String c = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (c) {
            case "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "gpu":
                return gpu(0);
            default:
                break;
        }
        if (c.startsWith("gpu:") && c.substring(4).matches("[0-9]{1,4}")) {
            return gpu(Integer.parseInt(c.substring(4)));
        }
        throw new BadInputException("device '" + text + "': expected auto, cpu, gpu or gpu:N");
    }

    /** The choice for a DJL device: {@code cpu} or {@code gpu:N}. */
    public static DeviceChoice of(Device device) {
        return device.isGpu() ? gpu(device.getDeviceId()) : CPU;
    }

    /** The device on this machine; fails with one line when it has no such GPU. */
    public Device resolve() {
        int gpus = Devices.gpuCount();
        return switch (kind) {
            case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
            case CPU -> Device.cpu();
            case GPU -> {
                if (index >= gpus) {
                    throw new BadInputException("--device " + this + ": PyTorch sees " + gpus + " GPU(s)"
                            + (gpus == 0 ? " (CPU build, or no CUDA driver; build with -Pcuda)" : ""));
                }
                yield Device.gpu(index);
            }
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case CPU -> "cpu";
            case GPU -> "gpu:" + index;
        };
    }
}
