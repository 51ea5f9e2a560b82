package dev.mitosis.app.charts;

import dev.mitosis.app.grow.NeuronFrame;
import dev.mitosis.run.LayerSnapshot;
import java.util.Locale;
import java.util.Optional;

/**
 * The line separating chosen from passed-over neurons in the λ-versus-cost plane, read off a selection
 * (pure). A quantile selection takes every neuron with λ_min below a threshold, whatever its cost: a
 * horizontal line λ = t, t the largest chosen λ_min. Cost-aware selections (energy-aware LP, MAC
 * target) rank neurons by loss decrease per MAC: approximately the ray λ = r·cost, r the largest chosen
 * λ_min/cost. The LP's per-group budgets make that boundary approximate, which the label says.
 *
 * @param slope r for a ray through the origin, or 0 for a horizontal line
 * @param level t for a horizontal line
 */
public record SelectionBoundary(boolean ray, double slope, double level, String label) {

    public double lambdaAt(double cost) {
        return ray ? slope * cost : level;
    }

    public static Optional<SelectionBoundary> of(NeuronFrame f) {
        if (f == null || !f.hasSelection()) {
            return Optional.empty();
        }
        boolean costAware = f.strategy() != null && !f.strategy().toLowerCase(Locale.ROOT).startsWith("quantile");
        double maxLambda = Double.NEGATIVE_INFINITY;
        double maxRatio = Double.NEGATIVE_INFINITY;
        boolean any = false;
        for (LayerSnapshot l : f.layers()) {
            for (int j = 0; j < l.width(); j++) {
                if (l.isSelected(j)) {
                    any = true;
                    maxLambda = Math.max(maxLambda, l.lambdaMin()[j]);
                    if (l.macCost() > 0) {
                        maxRatio = Math.max(maxRatio, l.lambdaMin()[j] / l.macCost());
                    }
                }
            }
        }
        if (!any) {
            return Optional.empty();
        }
        if (costAware && maxRatio > Double.NEGATIVE_INFINITY) {
            return Optional.of(new SelectionBoundary(true, maxRatio, 0, String.format(Locale.ROOT,
                    "selection boundary ≈ λ/cost = %.3g", maxRatio)));
        }
        return Optional.of(new SelectionBoundary(false, 0, maxLambda, String.format(Locale.ROOT,
                "selection threshold λ = %.3g", maxLambda)));
    }
}
