package dev.mitosis.run;

import java.util.List;

/**
 * One candidate of a run, as the run store keeps it and the views show it: a plain immutable snapshot.
 *
 * @param id store id, 1 for the first candidate of a run
 * @param parentId the candidate it was grown from; 0 for none (seeds, baselines trained from scratch)
 * @param round growth round (0 = seed)
 * @param method how it was made (the frontier's series)
 * @param label a short name, unique within the run: {@code r2}, {@code uniform-x1.5}
 * @param widths width of every splittable layer, in topology order
 * @param layerKeys the splittable layers' keys, aligned with {@code widths}
 * @param accuracy test accuracy in [0, 1]; NaN when not evaluated
 * @param seconds wall time spent producing this candidate
 * @param modelPath the model directory, relative to the run directory
 * @param createdAt when it was stored, in milliseconds since the epoch
 */
public record CandidateRecord(long id, long parentId, int round, Method method, String label, long macs, long params,
                              double accuracy, double loss, double seconds, List<String> layerKeys,
                              List<Integer> widths, String modelPath, long createdAt) implements Frontier.Point {

    public CandidateRecord {
        layerKeys = List.copyOf(layerKeys);
        widths = List.copyOf(widths);
    }
}
