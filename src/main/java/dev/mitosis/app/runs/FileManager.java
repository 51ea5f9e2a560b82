package dev.mitosis.app.runs;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** Shows a directory in the desktop's file manager. Off the FX thread: both ways may block a moment. */
final class FileManager {

    private FileManager() {
    }

    /**
     * Opens {@code dir} with AWT's desktop integration where it is supported, else with {@code xdg-open};
     * false when neither could be started (a headless machine, no desktop), so the caller can offer the
     * path instead.
     */
    static boolean reveal(Path dir) {
        try {
            if (!java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                Desktop.getDesktop().open(dir.toFile());
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to xdg-open
        }
        try {
            // xdg-open returns at once on most desktops; a non-zero exit means it found no handler
            Process p = new ProcessBuilder("xdg-open", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return !p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
