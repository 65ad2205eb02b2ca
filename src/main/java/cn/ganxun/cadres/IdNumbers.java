package cn.ganxun.cadres;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character resident identity number (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
 * sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private IdNumbers() {
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** What is wrong with an id number, in Chinese; empty when it is well-formed and its check character fits. */
    static Optional<String> problem(String idNumber) {
        if (!idNumber.matches("[1-9]\\d{16}[\\dX]")) {
            return Optional.of("身份证号格式错误：须为18位，前17位为数字，末位为数字或X");
        }
        if (birthDate(idNumber).isEmpty()) {
            return Optional.of("身份证号中的出生日期无效");
        }
        if (checkCharacter(idNumber) != idNumber.charAt(17)) {
            return Optional.of("身份证号校验位错误");
        }
        return Optional.empty();
    }

    static Optional<LocalDate> birthDate(String idNumber) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
                    Integer.parseInt(idNumber.substring(10, 12)), Integer.parseInt(idNumber.substring(12, 14))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Gender gender(String idNumber) {
        return (idNumber.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }
}
