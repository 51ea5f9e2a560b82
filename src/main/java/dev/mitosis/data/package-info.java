/**
 * Image-classification data for training and evaluation, offline.
 *
 * <p>{@link dev.mitosis.data.DataSources} turns {@code --data} into a {@link dev.mitosis.data.DataSplit}
 * of two immutable {@link dev.mitosis.data.Dataset}s, read by {@link dev.mitosis.data.IdxFormat}
 * (MNIST, Fashion-MNIST) or {@link dev.mitosis.data.CifarFormat} (CIFAR-10/100 binary), or from the
 * bundled sample. {@link dev.mitosis.data.Batches} then yields normalised, optionally shuffled and
 * augmented {@link dev.mitosis.data.Batch}es as plain {@code float[]} N×C×H×W arrays: this package has no
 * DJL dependency, and the engine makes tensors from the arrays.
 *
 * <pre>
 * DataSplit split = DataSources.system().load("sample", Optional.empty());
 * Normalization norm = Normalization.of(split.train());
 * Batches train = Batches.training(split.train(), norm, 128, seed, Augmentation.defaultFor(split.train()));
 * for (int epoch = 0; epoch &lt; epochs; epoch++) {
 *     for (Batch b : train.epoch(epoch)) { ... b.images(), b.labels(), b.tensorShape() ... }
 * }
 * Batches test = Batches.evaluation(split.test(), norm, 512);
 * </pre>
 */
package dev.mitosis.data;
