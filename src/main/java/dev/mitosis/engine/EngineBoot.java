package dev.mitosis.engine;

import ai.djl.engine.Engine;

/**
 * Loads PyTorch through DJL, offline. The native library comes from the pytorch-native jar on the class
 * path (its platform classifier is pinned in the pom), so nothing is downloaded at run time.
 */
public final class EngineBoot {

    private EngineBoot() {
    }

    private static boolean tuned;

    public static synchronized Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (!tuned) {
            NativeMemory.tune();
            tuned = true;
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
