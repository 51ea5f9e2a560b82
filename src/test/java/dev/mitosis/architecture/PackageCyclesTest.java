package dev.mitosis.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the compiled classes, as the JDK's own jdeps reads it, has no cycle, and the core
 * packages depend on each other only in the data-flow direction of docs/architecture.md.
 */
class PackageCyclesTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.mitosis[\\w.]*)\\s+->\\s+(dev\\.mitosis[\\w.]*)\\s");

    /** The core packages from the bottom up: each may use only packages listed before it. */
    private static final List<String> LAYERS = List.of("build", "io", "text", "net", "weights", "data", "model", "engine",
            "train", "split", "run", "store", "grow", "baseline", "cli");

    static Map<String, Set<String>> packageGraph() {
        assertThat(Files.isDirectory(CLASSES)).as("compiled classes in " + CLASSES).isTrue();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package",
                "-filter:none", "-e", "dev\\.mitosis.*", CLASSES.toString());
        assertThat(status).as("jdeps exit status").isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(short_(m.group(1)), k -> new TreeSet<>()).add(short_(m.group(2)));
            }
        }
        return graph;
    }

    private static String short_(String pkg) {
        return pkg.equals("dev.mitosis") ? "(root)" : pkg.substring("dev.mitosis.".length());
    }

    /** The strongly connected components with more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        Set<String> nodes = new TreeSet<>(graph.keySet());
        graph.values().forEach(nodes::addAll);
        for (String v : nodes) {
            if (!index.containsKey(v)) {
                strongConnect(v, graph, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void strongConnect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                      Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                      List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strongConnect(w, graph, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }

    @Test
    void noPackageCycles() {
        assertThat(cycles(packageGraph())).as("package cycles").isEmpty();
    }

    @Test
    void corePackagesDependOnlyDownward() {
        List<String> wrong = new ArrayList<>();
        packageGraph().forEach((from, targets) -> {
            for (String to : targets) {
                int a = LAYERS.indexOf(from);
                int b = LAYERS.indexOf(to);
                boolean gui = to.equals("app") || to.startsWith("app.");
                if ((a >= 0 && b > a) || (a >= 0 && gui)) {
                    wrong.add(from + " -> " + to);
                }
            }
        });
        assertThat(wrong).as("dependencies against the data flow").isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
    }
}
