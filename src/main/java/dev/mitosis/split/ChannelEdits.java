package dev.mitosis.split;

import dev.mitosis.weights.Tensor;

/**
 * Channel-wise edits of host tensors laid out as PyTorch stores them: axis 0 = output channels, axis 1
 * = input channels, the rest spatial. Each returns a new tensor.
 */
final class ChannelEdits {

    private ChannelEdits() {
    }

    /** Size of one slice along axis 0 (a row: C_in·k·k) or along axis 1 (k·k). */
    private static int inner(Tensor t, int fromAxis) {
        int n = 1;
        for (int a = fromAxis; a < t.rank(); a++) {
            n *= t.dim(a);
        }
        return n;
    }

    /** Adds {@code deltas[r]} to row {@code rows[r]} and appends one row per {@code appended} entry. */
    static Tensor editRows(Tensor t, int[] rows, double[][] deltas, int[] appendFrom, double[][] appendDeltas) {
        int d = inner(t, 1);
        int c = t.dim(0);
        double[] v = new double[(c + appendFrom.length) * d];
        for (int i = 0; i < c * d; i++) {
            v[i] = t.get(i);
        }
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < d; k++) {
                v[rows[r] * d + k] += deltas[r][k];
            }
        }
        for (int a = 0; a < appendFrom.length; a++) {
            int src = appendFrom[a];
            for (int k = 0; k < d; k++) {
                v[(c + a) * d + k] = t.get(src * d + k) + (appendDeltas == null ? 0 : appendDeltas[a][k]);
            }
        }
        long[] shape = t.shape();
        shape[0] = c + appendFrom.length;
        return Tensor.wrap(t.dtype(), shape, v);
    }

    /** Appends copies of rows (channels) {@code from}: BN vectors, depthwise filters. */
    static Tensor copyRows(Tensor t, int[] from) {
        return editRows(t, new int[0], new double[0][], from, null);
    }

    /**
     * Scales input column {@code columns[r]} by {@code scales[r]} and appends, for each entry of
     * {@code appendFrom}, a copy of that (original, unscaled) column times {@code appendScales[a]}.
     */
    static Tensor editColumns(Tensor t, int[] columns, double[] scales, int[] appendFrom, double[] appendScales) {
        int out = t.dim(0);
        int cin = t.dim(1);
        int k = inner(t, 2);
        int newCin = cin + appendFrom.length;
        double[] colScale = new double[cin];
        java.util.Arrays.fill(colScale, 1.0);
        for (int r = 0; r < columns.length; r++) {
            colScale[columns[r]] = scales[r];
        }
        double[] v = new double[out * newCin * k];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < cin; i++) {
                for (int s = 0; s < k; s++) {
                    v[(o * newCin + i) * k + s] = t.get((o * cin + i) * k + s) * colScale[i];
                }
            }
            for (int a = 0; a < appendFrom.length; a++) {
                for (int s = 0; s < k; s++) {
                    v[(o * newCin + cin + a) * k + s] = t.get((o * cin + appendFrom[a]) * k + s) * appendScales[a];
                }
            }
        }
        long[] shape = t.shape();
        shape[1] = newCin;
        return Tensor.wrap(t.dtype(), shape, v);
    }
}
