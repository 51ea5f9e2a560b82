package dev.mitosis.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Creates FXML controllers by hand, each with its dependencies passed to its constructor: the
 * explorer's small alternative to a DI framework. Every controller class an FXML file names must be
 * registered; a missing one fails loudly at load time. Included FXML files use the same factory.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Supplier<?>> factories = new HashMap<>();

    public <T> ControllerFactory register(Class<T> type, Supplier<? extends T> factory) {
        factories.put(type, factory);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Supplier<?> f = factories.get(type);
        if (f == null) {
            throw new IllegalStateException("no controller factory registered for " + type.getName());
        }
        return f.get();
    }

    /** A loaded view: its root node and its controller. */
    public record View<C>(Parent root, C controller) {
    }

    public <C> View<C> load(FxmlFile file) {
        FXMLLoader loader = new FXMLLoader(file.url());
        loader.setControllerFactory(this);
        try {
            Parent root = loader.load();
            return new View<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }
}
