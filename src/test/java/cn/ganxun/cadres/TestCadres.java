package cn.ganxun.cadres;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/** Test data for the registry: cadres outside the demo city's number and identity-number ranges. */
final class TestCadres {

    static final Actor ORG_DEPT = new Actor("org-test", List.of(Groups.ORG_DEPT), null, null, null);

    private TestCadres() {
    }

    /** A signed-in API caller with these Camunda groups. */
    static RequestPostProcessor as(String userId, String... groups) {
        return SecurityMockMvcRequestPostProcessors.user(userId)
                .authorities(Arrays.stream(groups).map(SimpleGrantedAuthority::new).toList());
    }

    /** An active staff member born 1990-03-15 and hired 2015-07-01; the sequence keeps identity numbers apart. */
    static CadreProfile staff(String cadreNumber, long unitId, int sequence) {
        LocalDate birthDate = LocalDate.of(1990, 3, 15);
        return new CadreProfile(cadreNumber, "测试干部" + sequence, idNumber(birthDate, sequence), Gender.MALE, birthDate,
                Rank.STAFF, Category.CIVIL_SERVANT, Education.BACHELOR, "法学", unitId, "综合科科员", true,
                cadreNumber.toLowerCase() + "@ganxun.local", LocalDate.of(2015, 7, 1));
    }

    /** A valid identity number from a region the demo city does not use. */
    static String idNumber(LocalDate birthDate, int sequence) {
        String first17 = "110105" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", 2 * sequence + 1);
        return first17 + IdNumbers.checkCharacter(first17);
    }
}
