package cn.ganxun.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** Attendance without the engine: the whole-class register, corrections as history, device import, absence warnings. */
@GanxunTest
@AlsoOnPostgres
class AttendanceServiceTest {

    @Autowired AttendanceService attendance;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Mailbox mailbox;

    long unitId;
    String unitCode;
    String unitHr;
    long classId;
    LocalDate start;
    List<Long> cadres;
    long outsider;
    List<TeachingSession> sessions;
    Actor teacher;

    @BeforeEach
    void setUp() throws Exception {
        unitId = fixtures.unit("考勤测试局");
        unitCode = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
        jdbc.sql("UPDATE unit SET hr_email = ? WHERE id = ?").params("hr-" + unitCode.toLowerCase() + "@unit.local", unitId)
                .update();
        unitHr = directory.user("att-hr-" + unitCode.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(unitCode));
        start = EngineClock.today().plusDays(3);
        classId = fixtures.trainingClass("考勤", start, start.plusDays(4), true);
        cadres = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long cadre = fixtures.cadre(unitId, Rank.STAFF);
            fixtures.enroll(classId, cadre, "ENROLLED", null);
            cadres.add(cadre);
        }
        outsider = fixtures.cadre(unitId, Rank.STAFF);
        directory.user("att-teacher", Groups.CLASS_TEACHER);
        jdbc.sql("INSERT INTO class_staff (class_id, user_id, role) VALUES (?, 'att-teacher', 'CLASS_TEACHER')")
                .param(classId).update();
        teacher = new Actor("att-teacher", List.of(Groups.CLASS_TEACHER), null, null, null);
        sessions = new ArrayList<>();
        sessions.add(session(start, "MORNING"));
        sessions.add(session(start, "下午"));
        sessions.add(session(start.plusDays(1), "MORNING"));
        mailbox.clear();
    }

    private TeachingSession session(LocalDate date, String period) {
        return attendance.createSession(classId, new NewSession(date, period, "课程", BigDecimal.valueOf(4)), teacher);
    }

    @Test
    void sessionsAreCheckedAndListedInOrder() {
        assertThat(attendance.sessions(classId, teacher)).extracting(TeachingSession::period)
                .containsExactly(Period.MORNING, Period.AFTERNOON, Period.MORNING);
        assertThatThrownBy(() -> session(start, "MORNING")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("已有教学场次");
        assertThatThrownBy(() -> attendance.createSession(classId,
                new NewSession(start.minusDays(1), "NIGHT", null, BigDecimal.ZERO), teacher))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不在培训期内").hasMessageContaining("时段无效：NIGHT").hasMessageContaining("学时");
    }

    @Test
    void theClassTeacherRegistersAWholeClass() {
        long sessionId = sessions.get(0).id();
        int written = attendance.register(sessionId, Map.of(cadres.get(0), Mark.PRESENT, cadres.get(1), Mark.LATE,
                cadres.get(2), Mark.ON_LEAVE), teacher);
        assertThat(written).isEqualTo(3);
        ClassRegister register = attendance.currentRegister(classId, teacher);
        assertThat(register.sessions()).hasSize(3);
        assertThat(register.trainees()).extracting(t -> t.cadreId(), t -> t.marks().get(sessionId))
                .containsExactlyInAnyOrder(tuple(cadres.get(0), Mark.PRESENT), tuple(cadres.get(1), Mark.LATE),
                        tuple(cadres.get(2), Mark.ON_LEAVE));
        // saving the same register again writes nothing
        assertThat(attendance.register(sessionId, Map.of(cadres.get(0), Mark.PRESENT), teacher)).isZero();
        assertThat(marks(sessionId)).isEqualTo(3);
    }

    @Test
    void aCorrectionIsKeptAsHistoryAndNeedsAReason() {
        long sessionId = sessions.get(0).id();
        long cadre = cadres.get(0);
        attendance.register(sessionId, Map.of(cadre, Mark.ABSENT), teacher);
        assertThatThrownBy(() -> attendance.register(sessionId, Map.of(cadre, Mark.PRESENT), teacher))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("更正已登记的考勤须填写理由");
        assertThatThrownBy(() -> attendance.correct(sessionId, cadre, Mark.PRESENT, " ", teacher))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("更正考勤须填写理由");
        attendance.correct(sessionId, cadre, Mark.LATE, "考勤机故障，实为迟到", teacher);
        attendance.register(sessionId, Map.of(cadre, Mark.PRESENT), "补交请假条后核实", teacher);
        List<MarkRecord> history = attendance.history(sessionId, cadre, teacher);
        assertThat(history).extracting(MarkRecord::mark).containsExactly(Mark.ABSENT, Mark.LATE, Mark.PRESENT);
        assertThat(history).extracting(MarkRecord::reason).containsExactly(null, "考勤机故障，实为迟到", "补交请假条后核实");
        assertThat(attendance.currentRegister(classId, teacher).trainees().get(0).marks().get(sessionId)).isEqualTo(Mark.PRESENT);
    }

    @Test
    void badRegisterIsRefusedWholeNamingEachProblem() {
        long sessionId = sessions.get(0).id();
        Map<Long, Mark> marks = new LinkedHashMap<>();
        marks.put(cadres.get(0), Mark.PRESENT);
        marks.put(outsider, Mark.PRESENT);
        assertThatThrownBy(() -> attendance.register(sessionId, marks, teacher))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("干部 " + outsider + " 不在本班名单中");
        assertThatThrownBy(() -> attendance.register(-1, Map.of(cadres.get(0), Mark.PRESENT), teacher))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("教学场次不存在：-1");
        assertThat(marks(sessionId)).isZero();
    }

    @Test
    void onlyTheClassesOwnClassTeachersWrite() {
        Actor otherTeacher = new Actor("att-other-teacher", List.of(Groups.CLASS_TEACHER), null, null, null);
        Actor hr = new Actor(unitHr, List.of(Groups.UNIT_HR), unitId, null, null);
        assertThatThrownBy(() -> attendance.register(sessions.get(0).id(), Map.of(cadres.get(0), Mark.PRESENT), otherTeacher))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.currentRegister(classId, hr)).isInstanceOf(AccessDeniedException.class);
        Actor org = new Actor("att-org", List.of(Groups.ORG_DEPT), null, null, null);
        assertThat(attendance.register(sessions.get(0).id(), Map.of(cadres.get(0), Mark.PRESENT), org)).isOne();
    }

    @Test
    void deviceUploadAsCsvIsAllOrNothingWithEveryBadRowNamed() {
        String number0 = number(cadres.get(0));
        String number1 = number(cadres.get(1));
        String bad = "\uFEFF干部编号,日期,时段,考勤,记录时间\n"
                + number0 + "," + start + ",上午,出勤," + start + " 08:01\n"
                + number(outsider) + "," + start + ",上午,出勤,\n"
                + number1 + "," + start.plusDays(3) + ",上午,出勤,\n"
                + number1 + "," + start + ",上午,旷课,\n"
                + "NOPE," + start + ",下午,缺勤,\n";
        AttendanceCsv.Upload upload = AttendanceCsv.parse(bad);
        assertThatThrownBy(() -> attendance.importDevice(classId, upload.rows(), upload.firstRowNumber(), teacher))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).hasSize(4))
                .hasMessageContaining("第 3 行：干部 " + number(outsider) + " 不在本班名单中")
                .hasMessageContaining("第 4 行：本班没有 " + start.plusDays(3) + " 上午 的教学场次")
                .hasMessageContaining("第 5 行：考勤取值无效：旷课")
                .hasMessageContaining("第 6 行：干部编号不存在：NOPE");
        assertThat(marks(sessions.get(0).id())).isZero();

        String good = "干部编号,日期,时段,考勤\n"
                + number0 + "," + start + ",上午,出勤\n"
                + "\"" + number1 + "\"," + start + ",MORNING,LATE\n"
                + number0 + "," + start + ",下午,缺勤\n\n";
        AttendanceCsv.Upload ok = AttendanceCsv.parse(good);
        assertThat(attendance.importDevice(classId, ok.rows(), ok.firstRowNumber(), teacher)).isEqualTo(3);
        assertThat(attendance.history(sessions.get(0).id(), cadres.get(1), teacher))
                .singleElement().satisfies(r -> {
                    assertThat(r.mark()).isEqualTo(Mark.LATE);
                    assertThat(r.source()).isEqualTo(MarkSource.DEVICE);
                });
        // the same upload again changes nothing; a different mark is the class teacher's correction
        assertThat(attendance.importDevice(classId, ok.rows(), ok.firstRowNumber(), teacher)).isZero();
        assertThatThrownBy(() -> attendance.importDevice(classId,
                List.of(new DeviceRow(null, cadres.get(0), start.toString(), "MORNING", "ABSENT", null)), 1, teacher))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("第 1 行：已登记为出勤");
    }

    @Test
    void deviceUploadAsJsonRowsTakesCadreIdOrNumberAndTheDevicesTime() {
        int written = attendance.importDevice(classId, List.of(
                new DeviceRow(null, cadres.get(0), start.toString(), "MORNING", "PRESENT", start + "T07:58:00"),
                new DeviceRow(number(cadres.get(1)), null, start.toString(), "MORNING", "迟到", null)), 1, teacher);
        assertThat(written).isEqualTo(2);
        assertThat(attendance.history(sessions.get(0).id(), cadres.get(0), teacher).get(0).recordedAt())
                .isEqualTo(start.atTime(7, 58));
        assertThatThrownBy(() -> attendance.importDevice(classId, List.of(
                new DeviceRow(null, cadres.get(2), start.toString(), "MORNING", "PRESENT", null),
                new DeviceRow(null, cadres.get(2), start.toString(), "MORNING", "PRESENT", null)), 1, teacher))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("第 2 行：同一学员同一场次重复出现");
        assertThat(attendance.history(sessions.get(0).id(), cadres.get(2), teacher)).isEmpty();
    }

    @Test
    void absenceBeyondTheThresholdWarnsTheClassTeacherAndTheUnitHrOnce() throws Exception {
        long cadre = cadres.get(0);
        attendance.register(sessions.get(0).id(), Map.of(cadre, Mark.ABSENT), teacher);
        assertThat(mailbox.subjectsTo(directory.email("att-teacher"))).isEmpty();
        attendance.register(sessions.get(1).id(), Map.of(cadre, Mark.ABSENT), teacher);
        String key = "absence-warning:" + classId + ":" + cadre;
        assertThat(mailbox.subjectsTo(directory.email("att-teacher"))).singleElement()
                .satisfies(s -> assertThat(s).startsWith("【缺勤预警】"));
        assertThat(mailbox.subjectsTo(directory.email(unitHr))).hasSize(1);
        assertThat(mailbox.subjectsTo("hr-" + unitCode.toLowerCase() + "@unit.local")).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE message_key = ?").param(key).query(Long.class).single())
                .isEqualTo(3);
        // a third absence (and a correction) do not warn again
        attendance.register(sessions.get(2).id(), Map.of(cadre, Mark.ABSENT), teacher);
        attendance.correct(sessions.get(2).id(), cadre, Mark.ABSENT, "复核仍为缺勤", teacher);
        assertThat(mailbox.subjectsTo(directory.email("att-teacher"))).hasSize(1);
        assertThat(mailbox.subjectsTo(directory.email(unitHr))).hasSize(1);
        assertThat(Mailbox.bodyOf(mailbox.to(directory.email(unitHr)).get(0))).contains("已缺勤 2 个教学场次");
    }

    private long marks(long sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE session_id = ?").param(sessionId).query(Long.class).single();
    }

    private String number(long cadreId) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }
}
