package dev.mitosis.cli;

import dev.mitosis.text.Formats;
import picocli.CommandLine;

/**
 * A count as people type it, the same in the CLI as in the explorer: {@code 400000}, {@code 400k},
 * {@code 1.2M} (SI suffixes).
 */
final class CountOption implements CommandLine.ITypeConverter<Long> {

    @Override
    public Long convert(String text) {
        return Formats.parseCount(text).orElseThrow(() -> new CommandLine.TypeConversionException(
                "'" + text + "' is not a positive count such as 400000, 400k or 1.2M"));
    }
}
