package dev.mitosis.app.help;

import ai.djl.engine.Engine;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.engine.Devices;
import dev.mitosis.engine.EngineBoot;

/**
 * The engine behind the explorer, for the About dialog: DJL's and PyTorch's versions and the device a
 * growth with device "auto" runs on.
 *
 * @param gpus GPUs PyTorch sees; −1 when the engine was not asked
 */
public record EngineInfo(String djl, String pytorch, String device, int gpus) {

    /** Asks the engine. Loads PyTorch: engine thread only. */
    public static EngineInfo detect() {
        return new EngineInfo(Engine.getDjlVersion(), EngineBoot.version(),
                DeviceChoice.of(DeviceChoice.AUTO.resolve()).toString(), Devices.gpuCount());
    }

    /** For an explorer that does not load the engine at start (tests, benchmarks). */
    public static EngineInfo notLoaded() {
        return new EngineInfo("not loaded", "not loaded", "not detected", -1);
    }
}
