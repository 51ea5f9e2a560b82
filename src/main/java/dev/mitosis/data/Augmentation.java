package dev.mitosis.data;

import dev.mitosis.net.FeatureShape;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Training-time augmentation: a random crop with zero padding, then a random horizontal flip, the
 * standard recipe for CIFAR (He et al. 2016: pad 4, crop 32×32, flip) that torchvision writes as
 * {@code RandomCrop(size, padding=p)} + {@code RandomHorizontalFlip()}.
 *
 * <p>Padding by {@code p} and cropping back to H×W is a shift: with {@code dy, dx} drawn uniformly from
 * {@code −p..p}, the crop is {@code out[c][y][x] = in[c][y+dy][x+dx]}, and pixel value 0 where that falls
 * outside the image. A flip, drawn with probability ½, then mirrors the columns: {@code out[c][y][x] =
 * crop[c][y][W−1−x]}. Padding is black (0) before normalisation, as in torchvision.
 *
 * @param cropPadding    {@code p}, zero padding on each side; 0 for no crop
 * @param horizontalFlip whether to mirror half of the images
 */
public record Augmentation(int cropPadding, boolean horizontalFlip) {

    public Augmentation {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("crop padding must be >= 0, found " + cropPadding);
        }
    }

    /** Images unchanged, as for evaluation and probing. */
    public static Augmentation none() {
        return new Augmentation(0, false);
    }

    /** The recipe that suits {@code data}'s kind: see {@link KnownDataset#cropPadding()} and its flip rule. */
    public static Augmentation defaultFor(Dataset data) {
        return new Augmentation(data.kind().cropPadding(), data.kind().flipKeepsLabel());
    }

    /**
     * Draws a shift and a flip from {@code rng} (in that order: dy, dx, flip; only those this
     * augmentation uses) and {@linkplain #render renders} the image at {@code srcOffset}.
     */
    void apply(byte[] src, int srcOffset, FeatureShape shape, float[][] tables, SplittableRandom rng, float[] dst,
            int dstOffset) {
        int dy = cropPadding == 0 ? 0 : rng.nextInt(-cropPadding, cropPadding + 1);
        int dx = cropPadding == 0 ? 0 : rng.nextInt(-cropPadding, cropPadding + 1);
        boolean flip = horizontalFlip && rng.nextBoolean();
        render(src, srcOffset, shape, dy, dx, flip, tables, dst, dstOffset);
    }

    /**
     * Writes one C×H×W image, shifted by {@code (dy, dx)} with zero fill and optionally mirrored, through
     * the per-channel lookup {@code tables[c][byte]} into {@code dst} at {@code dstOffset}:
     * {@code dst[c][y][x] = tables[c][in[c][y+dy][x'+dx]]} with {@code x' = flip ? W−1−x : x}, and
     * {@code tables[c][0]} outside the image.
     */
    static void render(byte[] src, int srcOffset, FeatureShape shape, int dy, int dx, boolean flip,
            float[][] tables, float[] dst, int dstOffset) {
        int h = shape.height();
        int w = shape.width();
        int out = dstOffset;
        for (int c = 0; c < shape.channels(); c++) {
            float[] table = tables[c];
            float zero = table[0];
            int plane = srcOffset + c * h * w;
            for (int y = 0; y < h; y++) {
                int sy = y + dy;
                if (sy < 0 || sy >= h) {
                    Arrays.fill(dst, out, out + w, zero);
                    out += w;
                    continue;
                }
                int row = plane + sy * w;
                for (int x = 0; x < w; x++) {
                    int sx = (flip ? w - 1 - x : x) + dx;
                    dst[out++] = sx >= 0 && sx < w ? table[src[row + sx] & 0xff] : zero;
                }
            }
        }
    }
}
