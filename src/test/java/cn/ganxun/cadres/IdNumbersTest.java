package cn.ganxun.cadres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void acceptsWellFormedNumbersIncludingCheckCharacterX() {
        assertThat(IdNumbers.problem("11010219800808115X")).isEmpty();
        assertThat(IdNumbers.problem("110101198506150131")).isEmpty();
    }

    @Test
    void computesTheIsoCheckCharacter() {
        // the GB 11643 example number
        assertThat(IdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumbers.checkCharacter("11010219800808115")).isEqualTo('X');
        assertThat(IdNumbers.checkCharacter("11010119850615013")).isEqualTo('1');
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(IdNumbers.problem("11010219800808115")).hasValueSatisfying(m -> assertThat(m).contains("18位"));
        assertThat(IdNumbers.problem("01010219800808115X")).hasValueSatisfying(m -> assertThat(m).contains("格式错误"));
        assertThat(IdNumbers.problem("11010219800808115A")).hasValueSatisfying(m -> assertThat(m).contains("格式错误"));
        assertThat(IdNumbers.problem("110102198002301150")).hasValue("身份证号中的出生日期无效");
        assertThat(IdNumbers.problem("110102198008081151")).hasValue("身份证号校验位错误");
    }

    @Test
    void readsBirthDateAndGender() {
        assertThat(IdNumbers.birthDate("11010219800808115X")).hasValue(LocalDate.of(1980, 8, 8));
        assertThat(IdNumbers.gender("11010219800808115X")).isEqualTo(Gender.MALE);
        assertThat(IdNumbers.gender("110102197911020249")).isEqualTo(Gender.FEMALE);
    }
}
