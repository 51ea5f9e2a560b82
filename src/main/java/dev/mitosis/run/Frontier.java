package dev.mitosis.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The accuracy–MACs trade-off over candidates: who is on the Pareto front, and the best under a budget.
 * Points without an accuracy (a draft, a candidate not evaluated) never count.
 */
public final class Frontier {

    /** Anything with a MAC count and an accuracy: a stored candidate, a row of the explorer. */
    public interface Point {
        long macs();

        /** Test accuracy in [0, 1]; NaN when not evaluated. */
        double accuracy();

        default boolean evaluated() {
            return !Double.isNaN(accuracy());
        }
    }

    private Frontier() {
    }

    /**
     * For each point, whether it is evaluated and no other evaluated point has at most its MACs and at
     * least its accuracy with one of the two strictly better.
     */
    public static boolean[] pareto(List<? extends Point> points) {
        boolean[] front = new boolean[points.size()];
        for (int i = 0; i < front.length; i++) {
            Point c = points.get(i);
            front[i] = c.evaluated() && points.stream().filter(Point::evaluated).noneMatch(o -> o.macs() <= c.macs()
                    && o.accuracy() >= c.accuracy() && (o.macs() < c.macs() || o.accuracy() > c.accuracy()));
        }
        return front;
    }

    /** The Pareto-optimal points, by increasing MACs: the frontier line. */
    public static <T extends Point> List<T> line(List<T> points) {
        boolean[] front = pareto(points);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < front.length; i++) {
            if (front[i]) {
                out.add(points.get(i));
            }
        }
        out.sort(Comparator.<T>comparingLong(Point::macs).thenComparingDouble(Point::accuracy));
        return out;
    }

    /** The most accurate evaluated point with at most {@code budget} MACs (the fewer MACs on a tie). */
    public static <T extends Point> Optional<T> bestUnder(List<T> points, long budget) {
        return points.stream().filter(c -> c.evaluated() && c.macs() <= budget)
                .max(Comparator.<T>comparingDouble(Point::accuracy)
                        .thenComparing(Comparator.<T>comparingLong(Point::macs).reversed()));
    }
}
