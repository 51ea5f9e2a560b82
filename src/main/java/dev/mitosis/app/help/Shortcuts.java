package dev.mitosis.app.help;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The explorer's keyboard shortcuts: the combinations the main window installs and the sheet that F1
 * opens, from one list so that the sheet cannot drift from what the keys do.
 */
public final class Shortcuts {

    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);
    public static final KeyCombination OPEN = shortcut(KeyCode.O);
    public static final KeyCombination RUNS = shortcut(KeyCode.R);
    public static final KeyCombination GROW = shortcut(KeyCode.G);
    public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.ESCAPE);
    public static final KeyCombination STOP_TOO = shortcut(KeyCode.PERIOD);
    public static final KeyCombination EXPORT = shortcut(KeyCode.E);
    public static final KeyCombination UNDO = shortcut(KeyCode.Z);
    public static final KeyCombination REDO = shortcut(KeyCode.Y);
    public static final KeyCombination REDO_TOO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private Shortcuts() {
    }

    /** One line of the sheet: the keys as the platform writes them, and what they do. */
    public record Row(String keys, String action) {
    }

    public static List<Row> rows() {
        return List.of(
                row("Open a model or run directory", OPEN),
                row("Runs library: open, resume, rename, delete runs", RUNS),
                row("Grow the selected network", GROW),
                row("Stop growing after the current batch", STOP, STOP_TOO),
                row("Export (network or chart)", EXPORT),
                row("Undo the last edit", UNDO),
                row("Redo", REDO, REDO_TOO),
                new Row("↑ / ↓", "Previous / next block (layer graph focused)"),
                new Row("Ctrl + wheel", "Zoom the layer graph; drag or wheel to pan"),
                row("This sheet", HELP));
    }

    private static Row row(String action, KeyCombination... keys) {
        return new Row(String.join("  or  ", java.util.Arrays.stream(keys).map(KeyCombination::getDisplayText).toList()),
                action);
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
