package dev.mitosis.app.graph;

import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.Block.Conv;
import dev.mitosis.net.Block.DepthwiseSeparable;
import dev.mitosis.net.Block.InvertedResidual;
import dev.mitosis.net.NetworkSpec;
import java.util.Locale;
import java.util.Optional;

/**
 * The block edits the explorer offers, as pure functions returning a new block. Field checks are the
 * block records' own; they throw {@link IllegalArgumentException} with a one-line message, which the
 * editor shows inline.
 */
public final class BlockEdits {

    private BlockEdits() {
    }

    /** Whether the block has {@code field} (width, kernel, stride, hidden, activation, cap). */
    public static boolean has(Block b, String field) {
        boolean conv = b instanceof Conv || b instanceof DepthwiseSeparable || b instanceof InvertedResidual;
        return switch (field) {
            case "width", "kernel", "stride", "activation", "cap" -> conv;
            case "hidden" -> b instanceof InvertedResidual;
            default -> false;
        };
    }

    /** Out channels (conv, dws) or the residual stream width (inverted residual). */
    public static int width(Block b) {
        if (b instanceof Conv c) {
            return c.out();
        } else if (b instanceof DepthwiseSeparable d) {
            return d.out();
        } else if (b instanceof InvertedResidual r) {
            return r.out();
        }
        throw new IllegalArgumentException(b.kind() + " block has no width");
    }

    public static Block withWidth(Block b, int width) {
        if (b instanceof Conv c) {
            return new Conv(width, c.kernel(), c.stride(), c.activation(), raisedCap(c.cap(), width));
        } else if (b instanceof DepthwiseSeparable d) {
            return new DepthwiseSeparable(width, d.kernel(), d.stride(), d.activation(), raisedCap(d.cap(), width));
        } else if (b instanceof InvertedResidual r) {
            return new InvertedResidual(r.hidden(), width, r.kernel(), r.stride(), r.activation(), r.cap());
        }
        throw new IllegalArgumentException(b.kind() + " block has no width");
    }

    public static Block withHidden(Block b, int hidden) {
        if (b instanceof InvertedResidual r) {
            return new InvertedResidual(hidden, r.out(), r.kernel(), r.stride(), r.activation(),
                    hidden > 0 ? raisedCap(r.cap(), hidden) : r.cap());
        }
        throw new IllegalArgumentException(b.kind() + " block has no expansion");
    }

    public static int kernel(Block b) {
        if (b instanceof Conv c) {
            return c.kernel();
        } else if (b instanceof DepthwiseSeparable d) {
            return d.kernel();
        } else if (b instanceof InvertedResidual r) {
            return r.kernel();
        }
        throw new IllegalArgumentException(b.kind() + " block has no kernel");
    }

    public static Block withKernel(Block b, int kernel) {
        if (b instanceof Conv c) {
            return new Conv(c.out(), kernel, c.stride(), c.activation(), c.cap());
        } else if (b instanceof DepthwiseSeparable d) {
            return new DepthwiseSeparable(d.out(), kernel, d.stride(), d.activation(), d.cap());
        } else if (b instanceof InvertedResidual r) {
            return new InvertedResidual(r.hidden(), r.out(), kernel, r.stride(), r.activation(), r.cap());
        }
        throw new IllegalArgumentException(b.kind() + " block has no kernel");
    }

    public static int stride(Block b) {
        if (b instanceof Conv c) {
            return c.stride();
        } else if (b instanceof DepthwiseSeparable d) {
            return d.stride();
        } else if (b instanceof InvertedResidual r) {
            return r.stride();
        }
        throw new IllegalArgumentException(b.kind() + " block has no stride");
    }

    public static Block withStride(Block b, int stride) {
        if (b instanceof Conv c) {
            return new Conv(c.out(), c.kernel(), stride, c.activation(), c.cap());
        } else if (b instanceof DepthwiseSeparable d) {
            return new DepthwiseSeparable(d.out(), d.kernel(), stride, d.activation(), d.cap());
        } else if (b instanceof InvertedResidual r) {
            return new InvertedResidual(r.hidden(), r.out(), r.kernel(), stride, r.activation(), r.cap());
        }
        throw new IllegalArgumentException(b.kind() + " block has no stride");
    }

    public static Activation activation(Block b) {
        if (b instanceof Conv c) {
            return c.activation();
        } else if (b instanceof DepthwiseSeparable d) {
            return d.activation();
        } else if (b instanceof InvertedResidual r) {
            return r.activation();
        }
        throw new IllegalArgumentException(b.kind() + " block has no activation");
    }

    public static Block withActivation(Block b, Activation a) {
        if (b instanceof Conv c) {
            return new Conv(c.out(), c.kernel(), c.stride(), a, c.cap());
        } else if (b instanceof DepthwiseSeparable d) {
            return new DepthwiseSeparable(d.out(), d.kernel(), d.stride(), a, d.cap());
        } else if (b instanceof InvertedResidual r) {
            return new InvertedResidual(r.hidden(), r.out(), r.kernel(), r.stride(), a, r.cap());
        }
        throw new IllegalArgumentException(b.kind() + " block has no activation");
    }

    public static int cap(Block b) {
        if (b instanceof Conv c) {
            return c.cap();
        } else if (b instanceof DepthwiseSeparable d) {
            return d.cap();
        } else if (b instanceof InvertedResidual r) {
            return r.cap();
        }
        throw new IllegalArgumentException(b.kind() + " block has no cap");
    }

    public static Block withCap(Block b, int cap) {
        if (b instanceof Conv c) {
            return new Conv(c.out(), c.kernel(), c.stride(), c.activation(), cap);
        } else if (b instanceof DepthwiseSeparable d) {
            return new DepthwiseSeparable(d.out(), d.kernel(), d.stride(), d.activation(), cap);
        } else if (b instanceof InvertedResidual r) {
            return new InvertedResidual(r.hidden(), r.out(), r.kernel(), r.stride(), r.activation(), cap);
        }
        throw new IllegalArgumentException(b.kind() + " block has no cap");
    }

    /** "none" for {@link Block#NO_CAP}, else the number. */
    public static String capText(int cap) {
        return cap == Block.NO_CAP ? "none" : Integer.toString(cap);
    }

    /** Reads "none" (or empty) as {@link Block#NO_CAP}, else a whole number. */
    public static int parseCap(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("none")) {
            return Block.NO_CAP;
        }
        return parseInt("cap", text);
    }

    public static int parseInt(String field, String text) {
        try {
            return Integer.parseInt(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text.trim() + "' is not a whole number");
        }
    }

    /**
     * The block the context menu inserts after block {@code after} (or before block 0 when −1): the same
     * kind as its neighbour, stride 1 so shapes stay, as wide as the feature map it receives.
     */
    public static Optional<Block> newBlockAfter(NetworkSpec spec, int after, String kind) {
        int channels = after < 0 ? spec.input().channels() : spec.topology().blockOutputs().get(after).channels();
        Activation act = Activation.RELU;
        for (int i = Math.max(0, after); i >= 0 && i < spec.blocks().size(); i--) {
            if (has(spec.blocks().get(i), "activation")) {
                act = activation(spec.blocks().get(i));
                break;
            }
        }
        int width = Math.max(8, channels);
        return switch (kind) {
            case "conv" -> Optional.of(new Conv(width, 3, 1, act));
            case "dws" -> Optional.of(new DepthwiseSeparable(width, 3, 1, act, Block.NO_CAP));
            case "ir" -> Optional.of(new InvertedResidual(width * 2, channels, 3, 1, act, Block.NO_CAP));
            default -> Optional.empty();
        };
    }

    private static int raisedCap(int cap, int width) {
        return cap == Block.NO_CAP ? cap : Math.max(cap, width);
    }

    /** "block 3 (dws): " prefix for field errors, which the block records word without a position. */
    public static String where(int index, Block b) {
        return String.format(Locale.ROOT, "block %d (%s): ", index, b.kind());
    }
}
