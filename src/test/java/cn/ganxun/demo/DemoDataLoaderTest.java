package cn.ganxun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import cn.ganxun.cadres.IdNumbers;
import cn.ganxun.testsupport.GanxunTest;

/** The demo city as the application loaded it at start-up (other tests roll their changes back). */
@GanxunTest
@AutoConfigureMockMvc
// its own application context, hence its own database: it checks the demo city as loaded, before other tests add data
@TestPropertySource(properties = "ganxun.test.context=demo-city-as-loaded")
class DemoDataLoaderTest {

    /** 22 teaching days of 6 hours: the demo's classes of a month (R10). */
    private static final int ONE_MONTH_OF_HOURS = 132;

    @Autowired
    DemoDataLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsThirtyUnitsWithLeadersAndMailboxes() {
        assertThat(jdbc.sql("SELECT kind, COUNT(*) AS n FROM unit GROUP BY kind ORDER BY kind")
                .query((rs, n) -> rs.getString("kind") + "=" + rs.getInt("n")).list())
                .containsExactly("CITY_DEPARTMENT=12", "DISTRICT=4", "TOWN=14");
        assertThat(jdbc.sql("SELECT code FROM unit WHERE kind = 'CITY_DEPARTMENT' ORDER BY code").query(String.class).list())
                .first().isEqualTo("CD01");
        assertThat(count("""
                SELECT COUNT(*) FROM unit t JOIN unit d ON d.id = t.parent_id
                WHERE t.kind = 'TOWN' AND d.kind = 'DISTRICT' AND t.code LIKE 'TN' || SUBSTRING(d.code, 3, 2) || '__'"""))
                .isEqualTo(14);
        assertThat(jdbc.sql("SELECT name || ' ' || leader_email || ' ' || hr_email FROM unit WHERE code = 'CD01'")
                .query(String.class).single()).isEqualTo("市委办公室 leader-cd01@ganxun.local hr-cd01@ganxun.local");
        assertThat(count("SELECT COUNT(*) FROM unit WHERE leader_name IS NULL")).isZero();
    }

    @Test
    void loadsTheThreeInstitutionsWithFixedCodes() {
        assertThat(jdbc.sql("SELECT code || ' ' || name || ' ' || kind || ' ' || contact_email FROM institution ORDER BY code")
                .query(String.class).list()).containsExactly(
                        "DX01 市委党校 PARTY_SCHOOL dx01@ganxun.local",
                        "GB01 市干部学院 CADRE_COLLEGE gb01@ganxun.local",
                        "XZ01 市行政学院 ADMIN_COLLEGE xz01@ganxun.local");
    }

    @Test
    void r1_loadsAbout600CadresInARankPyramidWithValidIdNumbers() {
        long cadres = count("SELECT COUNT(*) FROM cadre WHERE cadre_number LIKE 'C%'");
        assertThat(cadres).isBetween(550L, 650L);
        long countyLevel = count("SELECT COUNT(*) FROM cadre WHERE rank_level IN ('BUREAU', 'COUNTY_PRINCIPAL', 'COUNTY_DEPUTY')");
        long staff = count("SELECT COUNT(*) FROM cadre WHERE rank_level = 'STAFF'");
        assertThat(countyLevel).isPositive().isLessThan(cadres / 5);
        assertThat(staff).isGreaterThan(cadres / 3);
        assertThat(count("SELECT COUNT(DISTINCT category) FROM cadre")).isEqualTo(9);
        assertThat(count("SELECT COUNT(DISTINCT unit_id) FROM cadre")).isEqualTo(30);
        jdbc.sql("SELECT id_number, birth_date, gender FROM cadre WHERE cadre_number LIKE 'C%'").query((rs, n) -> {
            String idNumber = rs.getString("id_number");
            assertThat(idNumber.charAt(17)).isEqualTo(IdNumbers.checkCharacter(idNumber.substring(0, 17)));
            assertThat(idNumber.substring(6, 14))
                    .isEqualTo(rs.getObject("birth_date", LocalDate.class).format(DateTimeFormatter.BASIC_ISO_DATE));
            assertThat((idNumber.charAt(16) - '0') % 2 == 1).isEqualTo(rs.getString("gender").equals("MALE"));
            return idNumber;
        }).list();
    }

    @Test
    void theDemoTraineeIsTheFirstCadreOfCd01AndActive() {
        assertThat(jdbc.sql("""
                SELECT MIN(c.cadre_number) || ' ' || MIN(c.status) FROM cadre c JOIN unit u ON u.id = c.unit_id
                WHERE u.code = 'CD01' AND c.id = (SELECT MIN(id) FROM cadre)""").query(String.class).single())
                .isEqualTo("C000001 ACTIVE");
    }

    @Test
    void r1_everyCadreWasHiredAndSomeWerePromotedTransferredOrRetired() {
        assertThat(count("SELECT COUNT(*) FROM cadre c WHERE (SELECT COUNT(*) FROM cadre_event e WHERE e.cadre_id = c.id AND e.kind = 'HIRE') <> 1"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM cadre_event WHERE kind = 'PROMOTION'")).isGreaterThan(20);
        assertThat(count("SELECT COUNT(*) FROM cadre_event WHERE kind = 'TRANSFER'")).isGreaterThan(10);
        long retired = count("SELECT COUNT(*) FROM cadre WHERE status = 'RETIRED'");
        assertThat(retired).isBetween(3L, 30L);
        assertThat(count("SELECT COUNT(*) FROM cadre c JOIN cadre_event e ON e.cadre_id = c.id AND e.kind = 'RETIREMENT' WHERE c.status = 'RETIRED'"))
                .isEqualTo(retired);
        // the history leads to the current record
        assertThat(count("""
                SELECT COUNT(*) FROM cadre c JOIN cadre_event e ON e.cadre_id = c.id
                WHERE (e.kind = 'PROMOTION' AND e.to_rank <> c.rank_level)
                   OR (e.kind = 'TRANSFER' AND e.to_unit_id <> c.unit_id)
                   OR (e.kind <> 'HIRE' AND e.effective_on > CURRENT_DATE)
                   OR (e.kind <> 'HIRE' AND e.effective_on < c.hired_on)""")).isZero();
    }

    @Test
    void loadsFiveYearsOfClosedClassesAcrossTheInstitutions() {
        assertThat(count("SELECT COUNT(*) FROM training_class WHERE class_number LIKE 'H%'")).isBetween(90L, 110L);
        assertThat(count("SELECT COUNT(*) FROM training_class WHERE status <> 'CLOSED'")).isZero();
        assertThat(jdbc.sql("SELECT class_number FROM training_class").query(String.class).list())
                .allSatisfy(number -> assertThat(number).matches("H20\\d\\d-\\d{4}"));
        assertThat(count("SELECT COUNT(DISTINCT institution_id) FROM training_class")).isEqualTo(3);
        LocalDate first = jdbc.sql("SELECT MIN(start_date) FROM training_class").query(LocalDate.class).single();
        LocalDate last = jdbc.sql("SELECT MAX(end_date) FROM training_class").query(LocalDate.class).single();
        assertThat(first).isAfter(LocalDate.now().minusYears(5)).isBefore(LocalDate.now().minusYears(4));
        assertThat(last).isBefore(LocalDate.now()).isAfter(LocalDate.now().minusMonths(6));
        assertThat(count("SELECT COUNT(DISTINCT category) FROM course")).isEqualTo(4);
    }

    @Test
    void r15_partySchoolClassesGiveAtLeast70PercentToPartyTheoryAndSpirit() {
        List<Map<String, Object>> shares = jdbc.sql("""
                SELECT k.class_number,
                       SUM(CASE WHEN c.category IN ('PARTY_THEORY', 'PARTY_SPIRIT') THEN c.hours ELSE 0 END) AS party,
                       SUM(c.hours) AS total
                FROM training_class k JOIN institution i ON i.id = k.institution_id JOIN course c ON c.class_id = k.id
                WHERE i.kind = 'PARTY_SCHOOL' GROUP BY k.class_number""").query().listOfRows();

        assertThat(shares).hasSizeGreaterThan(40).allSatisfy(row -> assertThat(
                ((BigDecimal) row.get("party")).multiply(BigDecimal.TEN))
                .isGreaterThanOrEqualTo(((BigDecimal) row.get("total")).multiply(BigDecimal.valueOf(7))));
    }

    @Test
    void r3a_enrollmentsAreCompletedWithHoursCreditsAndMostlyPassOrGood() {
        long enrollments = count("SELECT COUNT(*) FROM enrollment");
        assertThat(enrollments).isGreaterThan(3000);
        assertThat(count("SELECT COUNT(*) FROM enrollment WHERE status <> 'COMPLETED' OR hours IS NULL OR hours <= 0 OR credits IS NULL"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM enrollment WHERE grade IN ('PASS', 'GOOD')")).isGreaterThan(enrollments * 7 / 10);
        assertThat(count("SELECT COUNT(*) FROM enrollment WHERE grade = 'EXCELLENT'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM enrollment WHERE grade = 'FAIL'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM enrollment WHERE (grade = 'FAIL') <> (certificate_number IS NULL)")).isZero();
    }

    @Test
    void r22_everyDemoEnrollmentsCreditsAreInTheLedgerInTheYearItsClassEnded() {
        assertThat(count("SELECT COUNT(*) FROM credit_entry WHERE source = 'CLASS'"))
                .isEqualTo(count("SELECT COUNT(*) FROM enrollment"));
        assertThat(count("""
                SELECT COUNT(*) FROM credit_entry c JOIN training_class k ON k.class_number = c.source_ref
                  JOIN enrollment e ON e.class_id = k.id AND e.cadre_id = c.cadre_id
                 WHERE c.credit_year <> EXTRACT(YEAR FROM k.end_date) OR c.credits <> e.credits""")).isZero();
        assertThat(DemoCredits.post(jdbc)).as("idempotent").isZero();
    }

    @Test
    void r10_noCadreSitsInTwoClassesAtOnceNorInTwoClassesOfAMonth() {
        assertThat(count("""
                SELECT COUNT(*) FROM enrollment a
                JOIN enrollment b ON b.cadre_id = a.cadre_id AND b.class_id > a.class_id
                JOIN training_class x ON x.id = a.class_id
                JOIN training_class y ON y.id = b.class_id
                WHERE x.start_date <= y.end_date AND y.start_date <= x.end_date""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM (SELECT e.cadre_id FROM enrollment e
                                      WHERE (SELECT SUM(hours) FROM course c WHERE c.class_id = e.class_id) >= ?
                                      GROUP BY e.cadre_id HAVING COUNT(*) > 1) x""", ONE_MONTH_OF_HOURS)).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM enrollment e JOIN cadre c ON c.id = e.cadre_id JOIN training_class k ON k.id = e.class_id
                WHERE k.start_date < c.hired_on"""))
                .isZero();
    }

    @Test
    void r5_r6_coverageVariesBetweenRedYellowAndGreen() {
        Map<String, Long> lights = jdbc.sql("""
                SELECT light, COUNT(*) AS n FROM (
                    SELECT CASE WHEN party = 0 THEN 'RED' WHEN hours < required THEN 'YELLOW' ELSE 'GREEN' END AS light
                    FROM (SELECT c.id,
                                 CASE WHEN c.rank_level IN ('BUREAU', 'COUNTY_PRINCIPAL', 'COUNTY_DEPUTY') THEN 550 ELSE 500 END AS required,
                                 (SELECT COALESCE(SUM(e.hours), 0) FROM enrollment e JOIN training_class k ON k.id = e.class_id
                                  WHERE e.cadre_id = c.id AND k.end_date >= ?) AS hours,
                                 (SELECT COUNT(*) FROM enrollment e WHERE e.cadre_id = c.id AND EXISTS (
                                      SELECT 1 FROM course k WHERE k.class_id = e.class_id
                                      AND k.category IN ('PARTY_THEORY', 'PARTY_SPIRIT'))) AS party
                          FROM cadre c WHERE c.status = 'ACTIVE') per_cadre) lit
                GROUP BY light""").param(LocalDate.now().minusYears(5))
                .query((rs, n) -> Map.entry(rs.getString("light"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long active = lights.values().stream().mapToLong(Long::longValue).sum();

        assertThat(lights.keySet()).containsExactlyInAnyOrder("RED", "YELLOW", "GREEN");
        lights.values().forEach(n -> assertThat(n).isGreaterThan(active / 20));
    }

    @Test
    void loadsOnlyOnceAndNeverOverExistingData() {
        long cadres = count("SELECT COUNT(*) FROM cadre");
        long classes = count("SELECT COUNT(*) FROM training_class");

        assertThat(loader.load()).isFalse();

        assertThat(count("SELECT COUNT(*) FROM cadre")).isEqualTo(cadres);
        assertThat(count("SELECT COUNT(*) FROM training_class")).isEqualTo(classes);
        assertThat(count("SELECT COUNT(*) FROM unit")).isEqualTo(30);
        assertThat(count("SELECT COUNT(*) FROM institution")).isEqualTo(3);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
