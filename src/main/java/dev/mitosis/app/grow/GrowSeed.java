package dev.mitosis.app.grow;

import dev.mitosis.data.Normalization;
import dev.mitosis.model.Model;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What a growth starts from. Both parts are produced on the engine thread (loading a candidate's
 * weights, making a draft's, reading its training record), never on the FX thread.
 *
 * @param name for messages, e.g. "#3" or "edit of #1"
 * @param normalization the input normalisation the seed's weights expect, when recorded
 * @param epochs the epochs of training behind the seed's weights (0 when unknown)
 */
public record GrowSeed(String name, Supplier<Model> model, Supplier<Optional<Normalization>> normalization,
                       IntSupplier epochs) {
}
