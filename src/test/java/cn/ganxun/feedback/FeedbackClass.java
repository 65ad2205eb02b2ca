package cn.ganxun.feedback;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.certificates.CertificateService;
import cn.ganxun.credits.CreditService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * A finished off-job class (5 days, 10 sessions of 4 hours) with confirmed results, certificates and credits, and
 * trainees from two employer units, each with a principal leader's e-mail: unit A sends 张伟民 (excellent, always
 * present) and 李晓红 (fail, absent twice), unit B sends 王建国 (good, late once). Committed, with unique codes.
 */
final class FeedbackClass {

    final long classId;
    final String classNumber;
    final String classTitle;
    final long unitA;
    final long unitB;
    final String unitAName;
    final String unitBName;
    final String leaderA;
    final String leaderB;
    final long zhang;
    final long li;
    final long wang;
    final String zhangCertificate;
    final String wangCertificate;

    FeedbackClass(TrainingFixtures fixtures, CompletionFixtures completion, CertificateService certificates,
            CreditService credits, JdbcClient jdbc) {
        unitA = fixtures.unit("反馈测试一局");
        unitB = fixtures.unit("反馈测试二局");
        unitAName = "反馈测试一局";
        unitBName = "反馈测试二局";
        leaderA = leader(jdbc, unitA, "赵局长");
        leaderB = leader(jdbc, unitB, "钱局长");
        LocalDate start = EngineClock.today().minusDays(20);
        classId = fixtures.trainingClass("结果反馈", start, start.plusDays(4), true);
        classNumber = fixtures.classNumber(classId);
        classTitle = completion.classTitle(classId);
        fixtures.course(classId, "PARTY_THEORY", 40);
        zhang = trainee(fixtures, jdbc, unitA, "张伟民");
        li = trainee(fixtures, jdbc, unitA, "李晓红");
        wang = trainee(fixtures, jdbc, unitB, "王建国");
        List<Long> sessions = completion.sessionsEveryDay(classId, start, start.plusDays(4), 4);
        for (int i = 0; i < sessions.size(); i++) {
            completion.mark(sessions.get(i), zhang, "PRESENT");
            completion.mark(sessions.get(i), li, i < 2 ? "ABSENT" : "PRESENT");
            completion.mark(sessions.get(i), wang, i == 0 ? "LATE" : "PRESENT");
        }
        completion.result(classId, zhang, "EXCELLENT", true);
        completion.result(classId, li, "FAIL", true);
        completion.result(classId, wang, "GOOD", true);
        certificates.issueFor(classId);
        credits.postForClass(classId);
        zhangCertificate = certificate(jdbc, zhang);
        wangCertificate = certificate(jdbc, wang);
    }

    /** The class's one-year follow-up, closed, with a post-evaluation of 张伟民 (visited) and 李晓红 (not visited). */
    void followUpEvaluated(JdbcClient jdbc) {
        LocalDate end = EngineClock.today().minusDays(16);
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        jdbc.sql("""
                INSERT INTO follow_up (class_id, years, starts_on, ends_on, seminar_due_on, summaries_due_on, visits_due_on,
                                       status, opened_at, closed_at)
                VALUES (?, 1, ?, ?, ?, ?, ?, 'CLOSED', ?, ?)""")
                .params(classId, end, end.plusYears(1), end.plusMonths(2), end.plusMonths(2), end.plusMonths(11), now, now)
                .update();
        long followUp = jdbc.sql("SELECT id FROM follow_up WHERE class_id = ?").param(classId).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO follow_up_evaluation (follow_up_id, cadre_id, trainee_level, self_score, colleagues_score,
                        unit_leader_score, public_score, combined_score, summary_submitted, visited, findings, evaluated_at)
                VALUES (?, ?, 'LEADER', 90, 88, 92, 85, 88.8, TRUE, TRUE, ?, ?)""")
                .params(followUp, zhang, "决策部署落实有力，群众满意度明显提升", now).update();
        jdbc.sql("""
                INSERT INTO follow_up_evaluation (follow_up_id, cadre_id, trainee_level, combined_score, summary_submitted,
                        visited, findings, evaluated_at)
                VALUES (?, ?, 'GRASSROOTS', NULL, FALSE, FALSE, NULL, ?)""")
                .params(followUp, li, now).update();
    }

    private static String leader(JdbcClient jdbc, long unitId, String name) {
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
        String email = "leader-" + code.toLowerCase(Locale.ROOT) + "@test.ganxun.local";
        jdbc.sql("UPDATE unit SET leader_name = ?, leader_email = ? WHERE id = ?").params(name, email, unitId).update();
        return email;
    }

    private long trainee(TrainingFixtures fixtures, JdbcClient jdbc, long unitId, String name) {
        long cadreId = fixtures.cadre(unitId, Rank.STAFF);
        jdbc.sql("UPDATE cadre SET name = ? WHERE id = ?").params(name, cadreId).update();
        fixtures.enroll(classId, cadreId, "ENROLLED", null);
        return cadreId;
    }

    private String certificate(JdbcClient jdbc, long cadreId) {
        return jdbc.sql("SELECT certificate_number FROM certificate WHERE class_id = ? AND cadre_id = ?")
                .params(classId, cadreId).query(String.class).single();
    }

}
