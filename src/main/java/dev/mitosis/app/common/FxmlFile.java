package dev.mitosis.app.common;

import java.net.URL;

/** Every FXML file of the explorer, one per view, under {@code /dev/mitosis/app/}. */
public enum FxmlFile {
    MAIN_WINDOW("mainwindow/main_window.fxml"),
    LAYER_GRAPH("graph/layer_graph.fxml"),
    CHARTS("charts/charts.fxml"),
    CANDIDATES("candidates/candidates.fxml"),
    CANDIDATE_TABLE("candidates/candidate_table.fxml"),
    BUDGET("candidates/budget.fxml"),
    COMPARISON("candidates/comparison.fxml"),
    GROW_OPTIONS("grow/grow_options.fxml"),
    TEMPLATE("open/template.fxml"),
    RUNS("runs/runs.fxml"),
    HELP_MENU("help/help_menu.fxml"),
    SHORTCUTS("help/shortcuts.fxml"),
    ABOUT("help/about.fxml"),
    FIRST_RUN_HINT("help/first_run_hint.fxml");

    private final String path;

    FxmlFile(String path) {
        this.path = path;
    }

    public URL url() {
        URL url = FxmlFile.class.getResource("/dev/mitosis/app/" + path);
        if (url == null) {
            throw new IllegalStateException("missing FXML resource /dev/mitosis/app/" + path);
        }
        return url;
    }
}
