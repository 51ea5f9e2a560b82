package dev.mitosis.app.grow;

import dev.mitosis.data.Normalization;
import dev.mitosis.model.Model;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a growth starts from. The model is produced on the engine thread (loading a candidate's
 * weights, or making a draft's), never on the FX thread.
 *
 * @param name for messages, e.g. "#3" or "edit of #1"
 * @param normalization the input normalisation the seed's weights expect, when recorded
 * @param dataset the dataset the seed was trained on, when recorded
 */
public record GrowSeed(String name, Supplier<Model> model, Optional<Normalization> normalization,
                       Optional<String> dataset) {
}
