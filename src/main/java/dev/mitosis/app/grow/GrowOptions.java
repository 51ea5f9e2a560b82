package dev.mitosis.app.grow;

import dev.mitosis.app.common.AppPaths;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.grow.RunConfig;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Grow dialog starts from: the last request (so a second run keeps the user's choices) or the
 * engine's defaults, and the devices the engine reported. FX thread.
 */
public final class GrowOptions {

    private final ObservableList<String> devices = FXCollections.observableArrayList("auto", "cpu");
    private GrowRequest last;

    /** "auto" then the CPU and every GPU the engine sees ("cpu", "gpu:0", …). */
    public ObservableList<String> devices() {
        return devices;
    }

    public void setDevices(java.util.List<String> available) {
        java.util.List<String> all = new java.util.ArrayList<>();
        all.add("auto");
        all.addAll(available);
        devices.setAll(all);
    }

    public void remember(GrowRequest r) {
        last = r;
    }

    /** The request the dialog opens with for a seed called {@code name}; a fresh run directory each time. */
    public GrowRequest initial(String name) {
        Path dir = newRunDirectory(name);
        if (last != null) {
            return last.withRunDirectory(dir);
        }
        GrowthConfig d = GrowthConfig.defaults();
        return new GrowRequest(d.rounds(), d.strategy(), d.grow(), OptionalLong.empty(),
                d.signed(), d.fineTune().epochs(), d.fineTune().lr(), d.probePasses(), d.probeImages(), d.device(),
                "sample", 0, 0, dir, d.seed());
    }

    /** What a branch of a stored run grows with: the run's own settings, data and directory. */
    public static GrowRequest stored(RunConfig run, Path dir) {
        GrowthConfig g = run.growth();
        return new GrowRequest(g.rounds(), g.strategy(), g.grow(),
                g.macTarget() == null ? OptionalLong.empty() : OptionalLong.of(g.macTarget()), g.signed(),
                g.fineTune().epochs(), g.fineTune().lr(), g.probePasses(), g.probeImages(), g.device(), run.data(),
                run.subset().trainImages(), run.subset().testImages(), dir, g.seed());
    }

    static Path newRunDirectory(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return AppPaths.runs().resolve(safe + "-" + stamp);
    }
}
