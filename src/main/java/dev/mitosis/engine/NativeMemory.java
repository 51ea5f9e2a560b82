package dev.mitosis.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * Keeps glibc's malloc, which PyTorch allocates tensors with, off the operating system's back during a
 * step, and hands the memory back between networks.
 *
 * <p>By default glibc serves blocks above its mmap threshold (128 KiB, raised as large blocks are freed)
 * with fresh mmap calls and unmaps them on free, and shrinks the heap once 128 KiB at its top are free.
 * A step frees and reallocates the same few-MB activations hundreds of times, so every one of them
 * page-faults back in: a sixth of the CPU time went to the kernel in `mitosis bench split` (5.5 s sys
 * against 26.3 s user), more of it in the splitting pass than in training, which allocates fewer
 * temporaries.
 * {@link #tune()} pins both thresholds high (sys time fell to 1.0 s; ratio of splitting to training
 * ~1.8 → ~1.5). Freed memory then stays in the arenas, so {@link #trim()}, called when a network is
 * closed, releases it: resident memory stays flat over a long growth run (`mitosis bench soak`).
 * Does nothing off glibc.
 */
final class NativeMemory {

    private interface LibC extends Library {
        int malloc_trim(long pad);

        int mallopt(int param, int value);

        int setenv(String name, String value, int overwrite);
    }

    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** glibc's ceiling for the mmap threshold on 64-bit (HEAP_MAX_SIZE / 2); larger values are refused. */
    private static final int MMAP_THRESHOLD = 32 << 20;
    private static final int TRIM_THRESHOLD = 1 << 30;
    /**
     * oneDNN keeps every conv and reorder primitive it has built, up to 1,024, and a growth run builds
     * ~65 new ones per round (each changed layer shape, in each phase): resident memory rose by ~40 MB
     * until round 11 and then levelled off (`mitosis bench soak --rounds 24`). One network needs ~240
     * across training, evaluation and probing (mbv1-seed), so 512 holds a whole round with room and
     * stops the climb by round 5.
     */
    private static final String PRIMITIVE_CACHE_CAPACITY = "512";

    private static final LibC LIBC = load();

    private NativeMemory() {
    }

    private static LibC load() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        try {
            return Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /**
     * Pins malloc's mmap and trim thresholds (see the class comment) and bounds oneDNN's primitive cache;
     * call before the first tensor.
     */
    static void tune() {
        if (LIBC != null) {
            try {
                LIBC.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
                LIBC.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD);
                // Read by oneDNN when it builds its first primitive; a value the user set wins.
                LIBC.setenv("ONEDNN_PRIMITIVE_CACHE_CAPACITY", PRIMITIVE_CACHE_CAPACITY, 0);
            } catch (UnsatisfiedLinkError e) {
                // not glibc: its allocator has its own policy
            }
        }
    }

    /** Releases free heap pages to the OS (glibc malloc_trim(0)); a no-op where unavailable. */
    static void trim() {
        if (LIBC != null) {
            try {
                LIBC.malloc_trim(0);
            } catch (UnsatisfiedLinkError e) {
                // musl and other libcs have no malloc_trim
            }
        }
    }
}
