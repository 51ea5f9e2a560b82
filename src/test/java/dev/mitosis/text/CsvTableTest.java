package dev.mitosis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void writesRfc4180WithFullPrecision() {
        String csv = CsvTable.of("layer", "value", "selected").row("blocks.3.pw", 0.1 + 0.2, true)
                .row("a,b \"c\"", Double.NaN, null).build().toCsv();
        assertThat(csv).isEqualTo("layer,value,selected\r\nblocks.3.pw,0.30000000000000004,true\r\n"
                + "\"a,b \"\"c\"\"\",,\r\n");
    }
}
