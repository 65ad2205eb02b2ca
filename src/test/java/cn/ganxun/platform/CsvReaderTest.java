package cn.ganxun.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void splitsRecordsAndFieldsWithCrLfOrLf() {
        assertThat(CsvReader.parse("a,b,c\r\n1,2,3\n4,,6"))
                .containsExactly(List.of("a", "b", "c"), List.of("1", "2", "3"), List.of("4", "", "6"));
    }

    @Test
    void keepsCommasQuotesAndLineBreaksInsideQuotes() {
        assertThat(CsvReader.parse("\"副局长,分管教育\",\"他说\"\"好\"\"\",\"两\r\n行\"\n"))
                .containsExactly(List.of("副局长,分管教育", "他说\"好\"", "两\r\n行"));
    }

    @Test
    void aBlankLineIsARecordSoRowNumbersMatchTheSpreadsheet() {
        assertThat(CsvReader.parse("h\n\nx\n")).containsExactly(List.of("h"), List.of(""), List.of("x"));
    }

    @Test
    void emptyTextHasNoRecords() {
        assertThat(CsvReader.parse("")).isEmpty();
    }
}
