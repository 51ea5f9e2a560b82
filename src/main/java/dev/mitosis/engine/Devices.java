package dev.mitosis.engine;

import java.util.ArrayList;
import java.util.List;

/** The devices PyTorch sees on this machine. */
public final class Devices {

    private Devices() {
    }

    public static int gpuCount() {
        return EngineBoot.engine().getGpuCount();
    }

    /** The CPU and every GPU PyTorch sees. */
    public static List<DeviceChoice> available() {
        List<DeviceChoice> all = new ArrayList<>();
        all.add(DeviceChoice.CPU);
        for (int i = 0; i < gpuCount(); i++) {
            all.add(DeviceChoice.gpu(i));
        }
        return all;
    }
}
