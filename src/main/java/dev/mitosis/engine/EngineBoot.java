package dev.mitosis.engine;

import ai.djl.engine.Engine;

/**
 * Loads PyTorch through DJL, offline. The native library comes from the pytorch-native jar on the class
 * path (its platform classifier is pinned in the pom), so nothing is downloaded at run time.
 */
public final class EngineBoot {

    private EngineBoot() {
    }

    static {
        // Before libtorch loads: the allocator and oneDNN settings are read when they are first used.
        NativeMemory.tune();
    }

    public static synchronized Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return Engine.getEngine("PyTorch");
    }

    /**
     * Makes the calling thread fit to own networks: PyTorch's grad mode is thread-local and on by default,
     * and DJL only switches it off on the thread that loaded the engine. Outside a gradient collector no
     * op may record autograd history.
     */
    public static void claimThread() {
        engine();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }

    /** PyTorch's version string, e.g. for the about box and bench output. */
    public static String version() {
        return engine().getVersion();
    }
}
