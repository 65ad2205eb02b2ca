package cn.ganxun.assessment;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** A class that has ended, with trainees on the roster, a class teacher, lecturers and a liaison, for assessment tests. */
final class AssessmentClass {

    final long classId;
    final String classNumber;
    final List<Long> cadres = new ArrayList<>();
    final List<String> numbers = new ArrayList<>();
    final String teacher;
    final List<String> lecturers = new ArrayList<>();
    final String liaison;
    private final JdbcClient jdbc;

    AssessmentClass(TrainingFixtures fixtures, TestDirectory directory, JdbcClient jdbc, int trainees, int lecturerCount) {
        this.jdbc = jdbc;
        LocalDate start = LocalDate.now().minusDays(40);
        classId = fixtures.trainingClass("考核测试", start, start.plusDays(35), true);
        classNumber = fixtures.classNumber(classId);
        String suffix = classNumber.toLowerCase(Locale.ROOT);
        long unitId = fixtures.unit("考核测试局");
        for (int i = 0; i < trainees; i++) {
            long cadre = fixtures.cadre(unitId, Rank.STAFF);
            fixtures.enroll(classId, cadre, "ENROLLED", null);
            cadres.add(cadre);
            numbers.add(jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadre).query(String.class).single());
        }
        teacher = directory.user("teacher-" + suffix, Groups.CLASS_TEACHER);
        staff(teacher, "CLASS_TEACHER");
        for (int i = 1; i <= lecturerCount; i++) {
            String lecturer = directory.user("lecturer" + i + "-" + suffix, Groups.LECTURER);
            staff(lecturer, "LECTURER");
            lecturers.add(lecturer);
        }
        liaison = directory.user("liaison-" + suffix, Groups.LIAISON);
        staff(liaison, "LIAISON");
    }

    void staff(String userId, String role) {
        jdbc.sql("INSERT INTO class_staff (class_id, user_id, role) VALUES (?, ?, ?)").params(classId, userId, role).update();
    }

    long session(int day, String period) {
        LocalDate date = LocalDate.now().minusDays(40 - day);
        jdbc.sql("INSERT INTO teaching_session (class_id, session_date, period, title, hours) VALUES (?, ?, ?, '课程', 3.5)")
                .params(classId, date, period).update();
        return jdbc.sql("SELECT id FROM teaching_session WHERE class_id = ? AND session_date = ? AND period = ?")
                .params(classId, date, period).query(Long.class).single();
    }

    void mark(long sessionId, long cadreId, String mark, LocalDateTime at) {
        jdbc.sql("""
                INSERT INTO attendance_mark (session_id, cadre_id, mark, source, recorded_by, recorded_at)
                VALUES (?, ?, ?, 'REGISTER', 'test', ?)""")
                .params(sessionId, cadreId, mark, Timestamp.valueOf(at)).update();
    }

    /** Sessions with every trainee PRESENT. */
    List<Long> sessions(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = session(i / 2 + 1, i % 2 == 0 ? "MORNING" : "AFTERNOON");
            for (long cadre : cadres) {
                mark(id, cadre, "PRESENT", LocalDateTime.now().minusDays(30));
            }
            ids.add(id);
        }
        return ids;
    }
}
