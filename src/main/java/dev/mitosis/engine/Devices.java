package dev.mitosis.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.mitosis.io.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Device choice: {@code auto} (the first GPU if PyTorch sees one, else the CPU), {@code cpu},
 * {@code gpu} or {@code gpu:N}.
 */
public final class Devices {

    private Devices() {
    }

    public static Device parse(String choice) {
        String c = choice.trim().toLowerCase(Locale.ROOT);
        int gpus = gpuCount();
        if (c.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (c.equals("cpu")) {
            return Device.cpu();
        }
        if (c.equals("gpu") || c.startsWith("gpu:")) {
            int index = 0;
            if (c.startsWith("gpu:")) {
                try {
                    index = Integer.parseInt(c.substring(4));
                } catch (NumberFormatException e) {
                    throw new BadInputException("--device " + choice + ": expected gpu:N with N a number");
                }
            }
            if (index < 0 || index >= gpus) {
                throw new BadInputException("--device " + choice + ": PyTorch sees " + gpus + " GPU(s)"
                        + (gpus == 0 ? " (CPU build, or no CUDA driver; build with -Pcuda)" : ""));
            }
            return Device.gpu(index);
        }
        throw new BadInputException("--device " + choice + ": expected auto, cpu, gpu or gpu:N");
    }

    public static int gpuCount() {
        return EngineBoot.engine().getGpuCount();
    }

    /** The CPU and every GPU PyTorch sees, as {@code --device} values. */
    public static List<String> available() {
        List<String> all = new ArrayList<>();
        all.add("cpu");
        for (int i = 0; i < gpuCount(); i++) {
            all.add("gpu:" + i);
        }
        return all;
    }

    /** The {@code --device} value for a DJL device. */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    static Engine engine() {
        return EngineBoot.engine();
    }
}
