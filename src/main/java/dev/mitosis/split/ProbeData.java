package dev.mitosis.split;

import dev.mitosis.data.Augmentation;
import dev.mitosis.data.Batch;
import dev.mitosis.data.Batches;
import dev.mitosis.data.Dataset;
import dev.mitosis.data.Normalization;
import java.util.ArrayList;
import java.util.List;

/**
 * The data a probe averages S over: shuffled training images without augmentation, at most
 * {@code maxImages} per pass (0 = all), reshuffled every pass.
 */
public record ProbeData(Dataset data, Normalization normalization, int batchSize, int maxImages, long seed) {

    public ProbeData {
        if (batchSize < 1) {
            throw new IllegalArgumentException("probe batch size must be positive, found " + batchSize);
        }
        if (maxImages < 0) {
            throw new IllegalArgumentException("probe image limit must be non-negative, found " + maxImages);
        }
    }

    int imagesPerPass() {
        int all = data.size() / batchSize * batchSize;
        return maxImages == 0 ? all : Math.min(all, Math.max(batchSize, maxImages / batchSize * batchSize));
    }

    public List<Batch> pass(int pass) {
        Batches batches = new Batches(data, normalization,
                new Batches.Options(batchSize, true, true, seed, Augmentation.none()));
        List<Batch> out = new ArrayList<>();
        int images = 0;
        for (Batch b : batches.epoch(pass)) {
            if (images >= imagesPerPass()) {
                break;
            }
            out.add(b);
            images += b.size();
        }
        return out;
    }
}
