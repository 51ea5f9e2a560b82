package dev.mitosis.split;

import dev.mitosis.io.BadInputException;
import dev.mitosis.data.Batch;
import dev.mitosis.engine.Network;
import dev.mitosis.engine.SplittingPass;
import dev.mitosis.net.NeuronLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Exact S2D (docs/algorithms.md §1): every neuron's D×D splitting matrix, accumulated over the probe data and
 * eigendecomposed with EJML. Column i of every S_j comes from one {@link SplittingPass} with all
 * directions set to e_i, so a pass over the data costs max_l D_l splitting passes. The matrices take
 * Σ_l C_l·D_l²·8 bytes; above {@code memoryLimitBytes} the probe refuses to start.
 */
public final class ExactProbe {

    /** Default memory limit for the splitting matrices: 2 GiB. */
    public static final long DEFAULT_MEMORY_LIMIT = 2L << 30;

    public record Options(long memoryLimitBytes, SplittingPass.Options curvature) {
        public static Options defaults() {
            return new Options(DEFAULT_MEMORY_LIMIT, SplittingPass.Options.defaults());
        }
    }

    private ExactProbe() {
    }

    /** Bytes the splitting matrices of these layers take. */
    public static long memoryNeeded(List<NeuronLayer> layers) {
        long bytes = 0;
        for (NeuronLayer l : layers) {
            bytes += (long) l.width() * l.fanIn() * l.fanIn() * Double.BYTES;
        }
        return bytes;
    }

    public static ProbeResult run(Network network, ProbeData data, Options options, ProbeListener listener) {
        long start = System.nanoTime();
        List<NeuronLayer> layers = network.topology().neuronLayers();
        if (layers.isEmpty()) {
            throw new BadInputException(network.spec().name() + ": nothing to split (no conv with a nonlinear"
                    + " activation whose channels stay private)");
        }
        long need = memoryNeeded(layers);
        if (need > options.memoryLimitBytes()) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: the exact probe needs %.2f GB for the splitting"
                    + " matrices (sum of C*D^2*8 bytes over %d layers), above the %.2f GB limit; use the fast probe"
                    + " or raise --exact-memory", network.spec().name(), need / 1e9, layers.size(),
                    options.memoryLimitBytes() / 1e9));
        }
        double[][][] s = new double[layers.size()][][];
        int maxD = 0;
        for (int i = 0; i < layers.size(); i++) {
            NeuronLayer l = layers.get(i);
            s[i] = new double[l.width()][l.fanIn() * l.fanIn()];
            maxD = Math.max(maxD, l.fanIn());
        }
        List<Batch> batches = data.pass(0);
        int total = batches.stream().mapToInt(Batch::size).sum();
        try (SplittingPass pass = new SplittingPass(network, layers, options.curvature())) {
            for (int b = 0; b < batches.size(); b++) {
                Batch batch = batches.get(b);
                double weight = (double) batch.size() / total;
                for (int col = 0; col < maxD; col++) {
                    if (listener.cancelled()) {
                        throw new CancellationException("probe cancelled");
                    }
                    List<double[]> sv = pass.multiply(batch.images(), batch.labels(), batch.size(),
                            unitDirections(layers, col)).sv();
                    for (int i = 0; i < layers.size(); i++) {
                        NeuronLayer l = layers.get(i);
                        int d = l.fanIn();
                        if (col >= d) {
                            continue;
                        }
                        double[] product = sv.get(i);
                        for (int j = 0; j < l.width(); j++) {
                            for (int k = 0; k < d; k++) {
                                s[i][j][k * d + col] += weight * product[j * d + k];
                            }
                        }
                    }
                }
                listener.progress(0, 1, b, batches.size(), List.of());
            }
        }
        List<LayerProbe> result = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            result.add(eigenpairs(layers.get(i), s[i]));
        }
        return new ProbeResult(result, "exact", options.curvature().fullPath() ? "full" : "published", total,
                (System.nanoTime() - start) / 1e9);
    }

    /** e_col in every neuron's row of every layer (zero rows where col ≥ D_l). */
    private static List<double[]> unitDirections(List<NeuronLayer> layers, int col) {
        List<double[]> dirs = new ArrayList<>();
        for (NeuronLayer l : layers) {
            double[] d = new double[l.width() * l.fanIn()];
            if (col < l.fanIn()) {
                for (int j = 0; j < l.width(); j++) {
                    d[j * l.fanIn() + col] = 1;
                }
            }
            dirs.add(d);
        }
        return dirs;
    }

    /** Smallest and largest eigenpairs of each neuron's symmetrised S. */
    static LayerProbe eigenpairs(NeuronLayer l, double[][] matrices) {
        int d = l.fanIn();
        double[] lambdaMin = new double[l.width()];
        double[] lambdaMax = new double[l.width()];
        double[][] vMin = new double[l.width()][];
        double[][] vMax = new double[l.width()][];
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        for (int j = 0; j < l.width(); j++) {
            DMatrixRMaj m = new DMatrixRMaj(d, d);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    m.set(a, b, 0.5 * (matrices[j][a * d + b] + matrices[j][b * d + a]));
                }
            }
            if (!eig.decompose(m)) {
                throw new IllegalStateException(l.key() + ": eigendecomposition of neuron " + j + " failed");
            }
            int lo = 0;
            int hi = 0;
            for (int i = 1; i < d; i++) {
                if (eig.getEigenvalue(i).real < eig.getEigenvalue(lo).real) {
                    lo = i;
                }
                if (eig.getEigenvalue(i).real > eig.getEigenvalue(hi).real) {
                    hi = i;
                }
            }
            lambdaMin[j] = eig.getEigenvalue(lo).real;
            lambdaMax[j] = eig.getEigenvalue(hi).real;
            vMin[j] = unit(eig.getEigenVector(lo), d);
            vMax[j] = unit(eig.getEigenVector(hi), d);
        }
        return new LayerProbe(l.key(), l.weightKey(), l.width(), d, lambdaMin, vMin, Optional.of(lambdaMax),
                Optional.of(vMax));
    }

    private static double[] unit(DMatrixRMaj v, int d) {
        double[] out = new double[d];
        double n = 0;
        for (int i = 0; i < d; i++) {
            out[i] = v.get(i);
            n += out[i] * out[i];
        }
        n = Math.sqrt(n);
        for (int i = 0; i < d; i++) {
            out[i] /= n;
        }
        return out;
    }
}
