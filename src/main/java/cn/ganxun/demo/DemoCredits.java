package cn.ganxun.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo's class credits in the credit ledger (R22): one CLASS entry per demo enrollment with credits, in the year the
 * class ended, as {@code training-class} would have posted it — so the demo cadres' yearly standing (R23) and the
 * eligibility answers (R31, R33) have figures. Idempotent: enrollments already in the ledger are left alone.
 */
final class DemoCredits {

    private DemoCredits() {
    }

    /** @return the entries posted now */
    static int post(JdbcClient jdbc) {
        return jdbc.sql("""
                INSERT INTO credit_entry (cadre_id, credit_year, source, source_ref, credits, hours, reason, posted_at,
                                          earned_on, recorded_by)
                SELECT e.cadre_id, EXTRACT(YEAR FROM k.end_date), 'CLASS', k.class_number, e.credits, e.hours,
                       '参加' || k.title || '（演示数据）', CAST(k.end_date AS TIMESTAMP), k.end_date, 'demo'
                  FROM enrollment e JOIN training_class k ON k.id = e.class_id
                 WHERE e.credits IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM credit_entry c
                                    WHERE c.cadre_id = e.cadre_id AND c.source = 'CLASS' AND c.source_ref = k.class_number)""")
                .update();
    }
}
