package cn.ganxun.assessment;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.security.CurrentUser;

/**
 * Who works a class's assessment, for the process's expressions: the class teachers, lecturers and liaison of
 * {@code class_staff}, and the trainees with the account bound to each ({@code account_binding.cadre_id}).
 */
@Component("assessmentStaff")
public class AssessmentStaff {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    AssessmentStaff(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The class teachers as Camunda candidate users, comma-separated. */
    public String classTeachers(long classId) {
        return String.join(",", staff(classId, "CLASS_TEACHER"));
    }

    public List<String> lecturers(long classId) {
        return staff(classId, "LECTURER");
    }

    public List<String> liaisons(long classId) {
        return staff(classId, "LIAISON");
    }

    /** The cadre ids of the roster (enrollment ENROLLED). */
    public List<Long> trainees(long classId) {
        return jdbc.sql("""
                SELECT e.cadre_id FROM enrollment e JOIN cadre c ON c.id = e.cadre_id
                 WHERE e.class_id = ? AND e.status = 'ENROLLED' ORDER BY c.cadre_number""")
                .param(classId).query(Long.class).list();
    }

    /**
     * The candidate users of a trainee's own task: the account bound to the cadre; without one, the class teachers,
     * who enter the ratings and self-evaluation on the trainee's behalf (recorded as entered by them).
     */
    public String traineeAccount(long classId, long cadreId) {
        List<String> accounts = currentUser.accountsOf(cadreId);
        return accounts.isEmpty() ? classTeachers(classId) : String.join(",", accounts);
    }

    private List<String> staff(long classId, String role) {
        return jdbc.sql("SELECT user_id FROM class_staff WHERE class_id = ? AND role = ? ORDER BY user_id")
                .params(classId, role).query(String.class).list();
    }
}
