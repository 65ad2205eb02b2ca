package cn.ganxun.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TrainingFixtures;

/** R22 online courses (5–20 credits) by JSON and CSV: all or nothing, every bad row named. */
@GanxunTest
@AlsoOnPostgres
@Transactional
class OnlineCoursesTest {

    @Autowired OnlineCourses onlineCourses;
    @Autowired TrainingFixtures fixtures;
    @Autowired JdbcClient jdbc;

    long unit;
    long cadre;
    String number;
    Actor org = new Actor("online-org", List.of(Groups.ORG_DEPT), null, null, null);
    LocalDate yesterday = EngineClock.today().minusDays(1);

    @BeforeEach
    void setUp() {
        unit = fixtures.unit("网络学院局");
        cadre = fixtures.cadre(unit, Rank.STAFF);
        number = number(cadre);
    }

    @Test
    void r22_a_csv_with_chinese_headers_records_each_course_as_a_ledger_entry_of_the_year_passed() {
        String csv = "\uFEFF干部编号,课程编号,课程名称,学分,通过日期\n"
                + number + ",WK-001,习近平新时代中国特色社会主义思想专题,12,2026-03-05\n"
                + "\n"
                + number + ",\"WK-002\",\"数字政府, 基础\",5,2025/12/31\n";

        List<CreditEntry> entries = onlineCourses.importCsv(csv.getBytes(StandardCharsets.UTF_8), org);

        assertThat(entries).extracting(CreditEntry::sourceRef, CreditEntry::year, e -> e.credits().intValue())
                .containsExactly(tuple("WK-001", 2026, 12),
                        tuple("WK-002", 2025, 5));
        assertThat(entries).allSatisfy(e -> assertThat(e.source()).isEqualTo(CreditEntry.ONLINE));
        assertThat(entries.get(1).reason()).contains("数字政府, 基础", "2025-12-31", "5 学分");
        assertThat(jdbc.sql("SELECT recorded_by FROM credit_entry WHERE id = ?").param(entries.get(0).id())
                .query(String.class).single()).isEqualTo("online-org");
    }

    @Test
    void r22_a_csv_with_any_bad_row_records_nothing_and_names_every_bad_row() {
        onlineCourses.record(List.of(pass(number, "WK-OLD", 10, yesterday)), org);
        String csv = "干部编号,课程编号,课程名称,学分,通过日期\n"
                + number + ",WK-101,合格课程,10," + yesterday + "\n"          // line 2: fine
                + "NOBODY,WK-102,课程,10," + yesterday + "\n"                  // line 3: unknown cadre
                + number + ",WK-103,课程,4.5," + yesterday + "\n"            // line 4: below 5
                + number + ",WK-104,课程,21," + yesterday + "\n"             // line 5: above 20
                + number + ",WK-101,课程,10," + yesterday + "\n"             // line 6: same course as line 2
                + number + ",WK-OLD,课程,10," + yesterday + "\n"             // line 7: already in the ledger
                + number + ",WK-105,课程,10," + EngineClock.today().plusDays(1) + "\n" // line 8: future
                + number + ",WK-106,课程,十,2026-02-30\n";                    // line 9: not a number, no such date

        assertThatThrownBy(() -> onlineCourses.importCsv(csv.getBytes(StandardCharsets.UTF_8), org))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::message)
                        .containsExactly("第3行：未知干部编号：NOBODY",
                                "第4行：R22：网络课程学分须在5至20之间：4.5",
                                "第5行：R22：网络课程学分须在5至20之间：21",
                                "第6行：干部 " + number + " 的课程 WK-101 与第2行重复",
                                "第7行：干部 " + number + " 的课程 WK-OLD 已登记过学分，不能重复登记",
                                "第8行：通过日期不能晚于今天：" + EngineClock.today().plusDays(1),
                                "第9行：学分须为数字：十",
                                "第9行：通过日期格式错误：2026-02-30（应为 yyyy-MM-dd）"));
        assertThat(onlineEntries()).isEqualTo(1); // only WK-OLD from before
    }

    @Test
    void r22_the_header_must_name_every_column_and_the_file_must_be_utf8() {
        assertThatThrownBy(() -> onlineCourses.importCsv("干部编号,课程编号,学分\nX,Y,5\n".getBytes(StandardCharsets.UTF_8), org))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CSV 表头缺少列：课程名称、通过日期");
        assertThatThrownBy(() -> onlineCourses.importCsv("干部编号".getBytes(java.nio.charset.Charset.forName("GBK")), org))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> onlineCourses.importCsv(new byte[0], org))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请上传网络课程学分 CSV 文件");
    }

    @Test
    void r22_json_rows_are_named_by_position_and_missing_fields_are_named() {
        assertThatThrownBy(() -> onlineCourses.record(List.of(pass(number, "WK-201", 8, yesterday),
                new OnlineCoursePass(null, " ", null, null, null)), org))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field, InvalidInputException.Problem::message)
                        .containsExactly(tuple("courses[1]", "第2条：缺少干部编号"),
                                tuple("courses[1]", "第2条：缺少课程编号"),
                                tuple("courses[1]", "第2条：缺少课程名称"),
                                tuple("courses[1]", "第2条：缺少学分"),
                                tuple("courses[1]", "第2条：缺少通过日期")));
        assertThat(onlineEntries()).isZero();
        assertThat(onlineCourses.record(List.of(pass(number, "WK-201", 20, yesterday), pass(number, "WK-202", 5, yesterday)),
                org)).hasSize(2);
    }

    @Test
    void unit_hr_record_for_their_own_cadres_only_and_other_roles_not_at_all() {
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unit).query(String.class).single();
        Actor hr = new Actor("online-hr", List.of(Groups.UNIT_HR, Groups.unitHr(code)), unit, null, null);
        long otherUnit = fixtures.unit("别的网络局");
        String stranger = number(fixtures.cadre(otherUnit, Rank.STAFF));

        assertThat(onlineCourses.record(List.of(pass(number, "WK-301", 6, yesterday)), hr)).hasSize(1);
        assertThatThrownBy(() -> onlineCourses.record(List.of(pass(number, "WK-302", 6, yesterday),
                pass(stranger, "WK-302", 6, yesterday)), hr))
                .isInstanceOf(AccessDeniedException.class).hasMessage("无权访问：第2条干部 " + stranger + " 不属于本单位，不能为其登记学分");
        Actor teacher = new Actor("online-teacher", List.of(Groups.CLASS_TEACHER), null, null, null);
        assertThatThrownBy(() -> onlineCourses.record(List.of(pass(number, "WK-303", 6, yesterday)), teacher))
                .isInstanceOf(AccessDeniedException.class).hasMessageStartingWith("无权访问：");
        assertThat(onlineEntries()).isEqualTo(1);
    }

    private OnlineCoursePass pass(String cadreNumber, String code, double credits, LocalDate passedOn) {
        return new OnlineCoursePass(cadreNumber, code, "课程" + code, BigDecimal.valueOf(credits), passedOn);
    }

    private String number(long cadreId) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }

    private int onlineEntries() {
        return jdbc.sql("SELECT COUNT(*) FROM credit_entry e JOIN cadre c ON c.id = e.cadre_id WHERE c.unit_id = ? AND e.source = 'ONLINE'")
                .param(unit).query(Integer.class).single();
    }
}
