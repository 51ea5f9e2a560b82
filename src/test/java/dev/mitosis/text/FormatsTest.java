package dev.mitosis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void countsGetSiSuffixesAndFourSignificantDigits() {
        assertThat(Formats.count(950)).isEqualTo("950");
        assertThat(Formats.count(12_345)).isEqualTo("12.35 k");
        assertThat(Formats.count(327_096)).isEqualTo("327.1 k");
        assertThat(Formats.count(1_000_172)).isEqualTo("1 M");
        assertThat(Formats.count(4_210_000)).isEqualTo("4.21 M");
        assertThat(Formats.count(Double.NaN)).isEqualTo("–");
        assertThat(Formats.signedCount(-350)).isEqualTo("−350");
        assertThat(Formats.signedCount(1_200)).isEqualTo("+1.2 k");
    }

    @Test
    void percentagesAndDurations() {
        assertThat(Formats.percent(0.9012)).isEqualTo("90.12 %");
        assertThat(Formats.percent(Double.NaN)).isEqualTo("–");
        assertThat(Formats.duration(72)).isEqualTo("1:12");
        assertThat(Formats.duration(3725)).isEqualTo("1:02:05");
        assertThat(Formats.duration(Double.NaN)).isEqualTo("–");
    }

    @Test
    void typedCountsReadTheWayPeopleWriteThem() {
        assertThat(Formats.parseCount("400k")).contains(400_000L);
        assertThat(Formats.parseCount(" 1.2 M ")).contains(1_200_000L);
        assertThat(Formats.parseCount("350,000")).contains(350_000L);
        assertThat(Formats.parseCount("3.5e5")).contains(350_000L);
        assertThat(Formats.parseCount("327.1 k")).contains(327_100L);
        assertThat(Formats.parseCount("abc")).isEqualTo(Optional.empty());
        assertThat(Formats.parseCount("-5")).isEmpty();
        assertThat(Formats.parseCount("0")).isEmpty();
        assertThat(Formats.parseCount(null)).isEmpty();
    }
}
