package dev.mitosis.app.graph;

import dev.mitosis.text.Formats;
import dev.mitosis.net.Activation;
import dev.mitosis.net.Block;
import dev.mitosis.net.Block.InvertedResidual;
import dev.mitosis.net.FeatureShape;
import dev.mitosis.net.Layer;
import dev.mitosis.net.NetworkSpec;
import dev.mitosis.net.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Fills a ControlsFX {@link PropertySheet} with the selected block's fields. Each edit builds a new
 * block and asks the {@link Target} to put it in place; a refused edit (an invalid block or network)
 * reports its message and leaves everything as it was.
 */
final class BlockSheet {

    /** Where edits go: replaces block {@code index}, returning the refusal message if the network is invalid. */
    interface Target {
        Optional<String> replace(int index, Block next, String description);
    }

    static final String BLOCK = "Block";
    static final String COST = "Cost";
    private static final List<Integer> KERNELS = List.of(1, 3, 5, 7, 9, 11);
    private static final List<Integer> STRIDES = List.of(1, 2);

    private final PropertySheet sheet;
    private final Target target;
    private final Consumer<String> problems;

    /** @param problems receives a refusal message, or null when an edit went through */
    BlockSheet(PropertySheet sheet, Target target, Consumer<String> problems) {
        this.sheet = sheet;
        this.target = target;
        this.problems = problems;
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        Callback<PropertySheet.Item, PropertyEditor<?>> defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> item instanceof Field f ? f.editor() : defaults.call(item));
    }

    /** Shows block {@code index} of {@code spec}; an index out of range clears the sheet. */
    void show(NetworkSpec spec, int index) {
        if (spec == null || index < 0 || index >= spec.blocks().size()) {
            sheet.getItems().clear();
            return;
        }
        Block b = spec.blocks().get(index);
        List<PropertySheet.Item> items = new ArrayList<>();
        items.add(info(BLOCK, "Kind", "The block's kind; insert or remove blocks from the graph's context menu.",
                kindName(b)));
        if (BlockEdits.has(b, "width")) {
            boolean ir = b instanceof InvertedResidual;
            items.add(text(index, b, ir ? "Out channels" : "Width",
                    ir ? "Channels of the residual stream after the projection" : "Output channels (neurons) of the block",
                    Integer.toString(BlockEdits.width(b)),
                    v -> BlockEdits.withWidth(b, BlockEdits.parseInt(ir ? "out channels" : "width", v)),
                    v -> (ir ? "out channels" : "width") + " of block " + index + " → " + v));
        }
        if (BlockEdits.has(b, "hidden")) {
            items.add(text(index, b, "Hidden (expansion)", "Width of the expansion conv (0 = no expansion)",
                    Integer.toString(((InvertedResidual) b).hidden()),
                    v -> BlockEdits.withHidden(b, BlockEdits.parseInt("hidden", v)),
                    v -> "hidden width of block " + index + " → " + v));
        }
        if (BlockEdits.has(b, "kernel")) {
            items.add(choice(index, b, "Kernel", "Depthwise (or conv) kernel size k×k", Integer.class,
                    BlockEdits.kernel(b), KERNELS, v -> BlockEdits.withKernel(b, (Integer) v),
                    v -> "kernel of block " + index + " → " + v + "×" + v));
            items.add(choice(index, b, "Stride", "Stride of the spatial conv; 2 halves the feature map", Integer.class,
                    BlockEdits.stride(b), STRIDES, v -> BlockEdits.withStride(b, (Integer) v),
                    v -> "stride of block " + index + " → " + v));
        }
        if (BlockEdits.has(b, "activation")) {
            items.add(choice(index, b, "Activation", "Nonlinearity after each batch norm (linear: not splittable)",
                    Activation.class, BlockEdits.activation(b), Arrays.asList(Activation.values()),
                    v -> BlockEdits.withActivation(b, (Activation) v),
                    v -> "activation of block " + index + " → " + v));
        }
        if (BlockEdits.has(b, "cap")) {
            items.add(text(index, b, "Cap", "Largest width growth may give the splittable layer (none = no limit)",
                    BlockEdits.capText(BlockEdits.cap(b)), v -> BlockEdits.withCap(b, BlockEdits.parseCap(v)),
                    v -> "cap of block " + index + " → " + v));
        }
        Topology t = spec.topology();
        List<Layer> layers = t.layersOfBlock(index);
        long macs = layers.stream().mapToLong(Layer::macs).sum();
        long params = layers.stream().mapToLong(Layer::params).sum();
        FeatureShape out = t.blockOutputs().get(index);
        items.add(info(COST, "Output", "Output feature map, channels × height × width", out.toString()));
        items.add(info(COST, "MACs", "Multiply-accumulates of this block per image, and its share of the network",
                String.format(Locale.ROOT, "%s (%.1f %%)", Formats.count(macs), t.macs() == 0 ? 0 : 100.0 * macs / t.macs())));
        items.add(info(COST, "Params", "Trainable parameters of this block", Formats.count(params)));
        String neurons = t.neuronLayers().stream().filter(n -> n.block() == index)
                .map(n -> n.key() + " · " + n.width() + " neurons").reduce((x, y) -> x + ", " + y).orElse("none");
        items.add(info(COST, "Splittable", "The layer whose neurons growth may split", neurons));
        sheet.getItems().setAll(items);
    }

    private Field info(String category, String name, String description, String value) {
        return new Field(category, name, description, String.class, value, null, null, null, -1, null);
    }

    private Field text(int index, Block b, String name, String description, String value,
                       Function<String, Block> build, Function<String, String> what) {
        return new Field(BLOCK, name, description, String.class, value, v -> build.apply((String) v),
                v -> what.apply(String.valueOf(v)), null, index, b);
    }

    private Field choice(int index, Block b, String name, String description, Class<?> type, Object value,
                         List<?> choices, Function<Object, Block> build, Function<Object, String> what) {
        return new Field(BLOCK, name, description, type, value, build, what, choices, index, b);
    }

    static String kindName(Block b) {
        return switch (b.kind()) {
            case "conv" -> "conv (conv → BN → act)";
            case "dws" -> "dws (depthwise separable)";
            case "ir" -> "ir (inverted residual)";
            case "pool" -> "pool (global average)";
            case "linear" -> "linear (classifier)";
            default -> b.kind();
        };
    }

    /** One row of the sheet. Read-only when {@code build} is null. */
    private final class Field implements PropertySheet.Item {
        private final String category;
        private final String name;
        private final String description;
        private final Class<?> type;
        private final Object value;
        private final Function<Object, Block> build;
        private final Function<Object, String> what;
        private final List<?> choices;
        private final int index;
        private final Block block;

        Field(String category, String name, String description, Class<?> type, Object value,
              Function<Object, Block> build, Function<Object, String> what, List<?> choices, int index, Block block) {
            this.category = category;
            this.name = name;
            this.description = description;
            this.type = type;
            this.value = value;
            this.build = build;
            this.what = what;
            this.choices = choices;
            this.index = index;
            this.block = block;
        }

        PropertyEditor<?> editor() {
            if (choices != null) {
                return Editors.createChoiceEditor(this, choices);
            }
            if (build != null) {
                return new CommitTextEditor(this);
            }
            return new InfoEditor();
        }

        @Override
        public Class<?> getType() {
            return type;
        }

        @Override
        public String getCategory() {
            return category;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public Object getValue() {
            return value;
        }

        /**
         * True for read-only rows too: their editor is plain text, which cannot be edited anyway, and
         * ControlsFX would disable (grey out) the editor of a row that says it is not editable.
         */
        @Override
        public boolean isEditable() {
            return true;
        }

        @Override
        public void setValue(Object next) {
            if (build == null || next == null || Objects.equals(String.valueOf(next), String.valueOf(value))) {
                return;
            }
            Block replacement;
            try {
                replacement = build.apply(next);
            } catch (IllegalArgumentException e) {
                problems.accept(BlockEdits.where(index, block) + e.getMessage());
                return;
            }
            Optional<String> refused = target.replace(index, replacement, what.apply(next));
            problems.accept(refused.orElse(null));
        }

        @Override
        public Optional<ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }
}
