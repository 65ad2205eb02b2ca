package cn.ganxun.followup;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;

/**
 * Who works the tasks of {@code follow-up}, for the model's expressions: the class's institution (seminar, missing
 * summaries, reports) and each trainee through the account bound to the cadre; a trainee without an account has their
 * learning summary entered by the institution on their behalf.
 */
@Component("followUpParticipants")
public class FollowUpParticipants {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    FollowUpParticipants(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    /** The candidate group of the institution of a {@code follow-up} instance's class (from the tables, not a variable). */
    public String institutionGroupOf(String processInstanceId) {
        return Groups.institution(jdbc.sql("""
                SELECT i.code FROM follow_up f JOIN training_class k ON k.id = f.class_id
                  JOIN institution i ON i.id = k.institution_id WHERE f.process_instance_id = ?""")
                .param(processInstanceId).query(String.class).single());
    }

    /** The candidate group of the class's institution, {@code institution-<code>}. */
    public String institutionGroup(long classId) {
        return Groups.institution(jdbc.sql("""
                SELECT i.code FROM training_class k JOIN institution i ON i.id = k.institution_id WHERE k.id = ?""")
                .param(classId).query(String.class).single());
    }

    /** The accounts bound to the cadre (candidate users of their summary task). */
    public List<String> traineeAccounts(long cadreId) {
        return currentUser.accountsOf(cadreId);
    }

    /** R26: who may write the cadre's learning summary: an account bound to the cadre, or a user of the institution. */
    boolean writesFor(String userId, long institutionId, long cadreId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM account_binding WHERE user_id = ? AND (cadre_id = ? OR institution_id = ?)""")
                .params(userId, cadreId, institutionId).query(Integer.class).single() > 0;
    }

    /** The institution's group when the cadre has no account (it writes on their behalf), else none. */
    public List<String> onBehalfGroups(long classId, long cadreId) {
        return traineeAccounts(cadreId).isEmpty() ? List.of(institutionGroup(classId)) : List.of();
    }
}
