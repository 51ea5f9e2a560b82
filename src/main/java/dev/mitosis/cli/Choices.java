package dev.mitosis.cli;

import dev.mitosis.baseline.UniformBaseline;
import dev.mitosis.engine.DeviceChoice;
import dev.mitosis.grow.GrowthConfig;
import dev.mitosis.split.CostModel;
import dev.mitosis.train.LrSchedule;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Options whose value is one of a fixed set, read by id ({@code energy-aware}, not {@code ENERGY_AWARE}).
 * The converters are registered once on the whole command line ({@link #register}); the nested
 * {@code Iterable}s give {@code --help} the valid choices through {@code ${COMPLETION-CANDIDATES}}.
 */
final class Choices<T> implements CommandLine.ITypeConverter<T> {

    private final List<T> values;
    private final Function<T, String> id;

    private Choices(List<T> values, Function<T, String> id) {
        this.values = values;
        this.id = id;
    }

    static <T> Choices<T> of(T[] values, Function<T, String> id) {
        return new Choices<>(List.of(values), id);
    }

    @Override
    public T convert(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return values.stream().filter(v -> id.apply(v).equals(wanted)).findFirst().orElseThrow(() ->
                new CommandLine.TypeConversionException("'" + text + "' is not one of " + String.join(", ", ids())));
    }

    List<String> ids() {
        return values.stream().map(id).toList();
    }

    static void register(CommandLine commandLine) {
        commandLine.registerConverter(GrowthConfig.Strategy.class, of(GrowthConfig.Strategy.values(),
                GrowthConfig.Strategy::id));
        commandLine.registerConverter(LrSchedule.Kind.class, of(LrSchedule.Kind.values(), LrSchedule.Kind::id));
        commandLine.registerConverter(CostModel.class, of(CostModel.values(), CostModel::id));
        commandLine.registerConverter(UniformBaseline.Profile.class, of(UniformBaseline.Profile.values(),
                UniformBaseline.Profile::id));
        commandLine.registerConverter(DeviceChoice.class, text -> {
            try {
                return DeviceChoice.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
    }

    private abstract static class Ids implements Iterable<String> {
        private final List<String> ids;

        <T> Ids(T[] values, Function<T, String> id) {
            this.ids = Arrays.stream(values).map(id).toList();
        }

        @Override
        public Iterator<String> iterator() {
            return ids.iterator();
        }
    }

    static final class Strategies extends Ids {
        Strategies() {
            super(GrowthConfig.Strategy.values(), GrowthConfig.Strategy::id);
        }
    }

    static final class Schedules extends Ids {
        Schedules() {
            super(LrSchedule.Kind.values(), LrSchedule.Kind::id);
        }
    }

    static final class CostModels extends Ids {
        CostModels() {
            super(CostModel.values(), CostModel::id);
        }
    }

    static final class Profiles extends Ids {
        Profiles() {
            super(UniformBaseline.Profile.values(), UniformBaseline.Profile::id);
        }
    }
}
