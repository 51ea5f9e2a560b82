package dev.mitosis.app;

import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.app.grow.GrowRequest;
import dev.mitosis.app.grow.SessionBackend;
import dev.mitosis.app.workspace.Documents;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Makes the README's screenshot: the explorer growing the bundled seed (real session, a slice of the
 * bundled sample), captured from inside the app while round 3 probes, plus one image per tab once the
 * growth is done. Run under a display, e.g.
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/classes:target/test-classes:… dev.mitosis.app.ReadmeScreenshot OUT_DIR}.
 */
public final class ReadmeScreenshot {

    private ReadmeScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "packaging/screenshots");
        Files.createDirectories(out);
        CountDownLatch ready = new CountDownLatch(1);
        Platform.startup(ready::countDown);
        ready.await();
        Platform.setImplicitExit(false);
        AtomicReference<Explorer> ref = new AtomicReference<>();
        fx(() -> {
            Explorer e = Explorer.create(new Explorer.Options(new SessionBackend(), Documents::bundledSeed, true));
            Stage stage = new Stage();
            stage.setWidth(1600);
            stage.setHeight(1000);
            e.show(stage);
            ref.set(e);
        });
        Explorer e = ref.get();
        waitFor(120, () -> e.workspace().selected() != null);
        Thread.sleep(1500);
        Path run = Files.createTempDirectory("mitosis-screenshot").resolve("mbv1-seed-grown");
        fx(() -> e.main().startGrowth(new GrowRequest(3, GrowthConfig.Strategy.ENERGY_AWARE, 0.3, OptionalLong.empty(),
                false, 1, 0.02, 2, 2048, DeviceChoice.CPU, "sample", 3000, 1000, run, 1), e.workspace().selected()));
        waitFor(900, () -> e.workspace().stored().size() >= 3 && e.monitor().neuronsProperty().get() != null
                && e.monitor().neuronsProperty().get().caption().startsWith("Round 3 · live probe")
                && e.monitor().progressProperty().get() > 0.72);
        snapshot(e, out.resolve("explorer.png"));
        waitFor(900, () -> !e.monitor().state().isActive());
        Thread.sleep(1000);
        String[] tabs = {"eigenvalues", "energy", "training", "frontier"};
        for (int i = 0; i < tabs.length; i++) {
            int index = i;
            fx(() -> e.charts().tabs().getSelectionModel().select(index));
            Thread.sleep(800);
            snapshot(e, out.resolve("tab-" + tabs[i] + ".png"));
        }
        fx(e::close);
        Platform.exit();
        System.exit(0);
    }

    private static void snapshot(Explorer e, Path file) throws Exception {
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        fx(() -> {
            WritableImage shot = e.root().getScene().snapshot(null);
            image.set(SwingFXUtils.fromFXImage(shot, null));
        });
        ImageIO.write(image.get(), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void fx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
    }

    private static void waitFor(long seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            boolean[] ok = {false};
            fx(() -> ok[0] = condition.getAsBoolean());
            if (ok[0]) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}
