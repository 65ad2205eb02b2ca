package cn.ganxun.credits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.attendance.AttendanceService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.NotFoundException;

/**
 * Posts a class's credits and hours to each trainee's archive (R22, R3, R3a) once the assessment is confirmed.
 * <p>
 * Attendance share = hours of the sessions whose current mark (latest row) is PRESENT or LATE, over the hours of
 * all the class's sessions. ON_LEAVE and ABSENT count as not attended, and so does a session without a mark for
 * the trainee; a class that kept no sessions counts as fully attended with its curriculum hours. Credits go only to
 * trainees who completed and passed; failed or incomplete trainees get their hours with 0 credits (they earn the
 * credits through make-up training). One ledger entry per (cadre, CLASS, class number), credit year = the class's
 * end year; a re-run posts nothing twice and never changes a posted entry.
 */
@Service
public class CreditService {

    private final JdbcClient jdbc;
    private final AttendanceService attendance;

    CreditService(JdbcClient jdbc, AttendanceService attendance) {
        this.jdbc = jdbc;
        this.attendance = attendance;
    }

    /**
     * Posts the ledger entry of every trainee with a confirmed result and marks their enrollment: COMPLETED or
     * INCOMPLETE, hours, credits, grade, certificate number, and the R3 form marks. Idempotent.
     *
     * @return the class's ledger entries
     */
    @Transactional
    public List<CreditEntry> postForClass(long classId) {
        ClassFacts facts = jdbc.sql("""
                SELECT class_number, title, start_date, end_date, off_job FROM training_class WHERE id = ?""")
                .param(classId)
                .query((rs, n) -> new ClassFacts(rs.getString("class_number"), rs.getString("title"),
                        rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(), rs.getBoolean("off_job")))
                .optional().orElseThrow(() -> new NotFoundException("培训班不存在：" + classId));
        BigDecimal sessionHours = attendance.sessionHours(classId);
        boolean keptSessions = sessionHours != null && sessionHours.signum() > 0;
        BigDecimal curriculumHours = jdbc.sql("SELECT SUM(hours) FROM course WHERE class_id = ?").param(classId)
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
        Map<Long, BigDecimal> attended = attendance.attendedHours(classId);
        long days = CreditRules.days(facts.start(), facts.end());
        boolean earns = CreditRules.earnsCredits(facts.offJob(), facts.start(), facts.end());
        Timestamp now = Timestamp.valueOf(EngineClock.now());

        List<Result> results = jdbc.sql("""
                SELECT cadre_id, grade, completed FROM assessment_result
                 WHERE class_id = ? AND confirmed_at IS NOT NULL ORDER BY cadre_id""")
                .param(classId)
                .query((rs, n) -> new Result(rs.getLong("cadre_id"), rs.getString("grade"), rs.getBoolean("completed")))
                .list();
        for (Result result : results) {
            BigDecimal hours = keptSessions ? attended.getOrDefault(result.cadreId(), BigDecimal.ZERO) : curriculumHours;
            BigDecimal share = AttendanceService.share(hours, keptSessions ? sessionHours : null);
            boolean passed = result.completed() && !"FAIL".equals(result.grade());
            BigDecimal credits = earns && passed ? CreditRules.credits(days, share) : BigDecimal.ZERO.setScale(1);
            String reason = reason(facts, days, earns, result, passed, keptSessions, hours, sessionHours, share, credits);
            boolean posted = jdbc.sql("""
                    SELECT COUNT(*) FROM credit_entry WHERE cadre_id = ? AND source = 'CLASS' AND source_ref = ?""")
                    .params(result.cadreId(), facts.number()).query(Integer.class).single() > 0;
            if (!posted) {
                jdbc.sql("""
                        INSERT INTO credit_entry (cadre_id, credit_year, source, source_ref, credits, hours, reason, posted_at)
                        VALUES (?, ?, 'CLASS', ?, ?, ?, ?, ?)""")
                        .params(result.cadreId(), facts.end().getYear(), facts.number(), credits,
                                hours.setScale(1, RoundingMode.HALF_UP), reason, now)
                        .update();
            }
            jdbc.sql("""
                    UPDATE enrollment SET status = ?, grade = ?,
                           hours = (SELECT hours FROM credit_entry WHERE cadre_id = ? AND source = 'CLASS' AND source_ref = ?),
                           credits = (SELECT credits FROM credit_entry WHERE cadre_id = ? AND source = 'CLASS' AND source_ref = ?),
                           certificate_number = COALESCE(
                               (SELECT certificate_number FROM certificate WHERE class_id = ? AND cadre_id = ? AND status = 'VALID'),
                               certificate_number),
                           for_annual_appraisal = ?, for_appointment_form = ?
                     WHERE class_id = ? AND cadre_id = ?""")
                    .params(result.completed() ? "COMPLETED" : "INCOMPLETE", result.grade(),
                            result.cadreId(), facts.number(), result.cadreId(), facts.number(),
                            classId, result.cadreId(),
                            CreditRules.forAnnualAppraisal(facts.offJob()),
                            CreditRules.forAppointmentForm(facts.offJob(), facts.start(), facts.end()),
                            classId, result.cadreId())
                    .update();
        }
        return jdbc.sql(ENTRY_COLUMNS + " WHERE source = 'CLASS' AND source_ref = ? ORDER BY cadre_id")
                .param(facts.number()).query(CreditService::map).list();
    }

    /** A cadre's ledger of one year, or of every year when year is null. */
    public CreditLedger ledger(long cadreId, Integer year) {
        List<CreditEntry> entries = year == null
                ? jdbc.sql(ENTRY_COLUMNS + " WHERE cadre_id = ? ORDER BY credit_year, posted_at, id").param(cadreId)
                        .query(CreditService::map).list()
                : jdbc.sql(ENTRY_COLUMNS + " WHERE cadre_id = ? AND credit_year = ? ORDER BY posted_at, id")
                        .params(cadreId, year).query(CreditService::map).list();
        BigDecimal credits = entries.stream().map(CreditEntry::credits).reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add);
        BigDecimal hours = entries.stream().map(CreditEntry::hours).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add);
        return new CreditLedger(cadreId, year, credits, hours, entries);
    }

    private static String reason(ClassFacts facts, long days, boolean earns, Result result, boolean passed,
            boolean keptSessions, BigDecimal hours, BigDecimal sessionHours, BigDecimal share, BigDecimal credits) {
        String what = (facts.offJob() ? "脱产培训" : "在职培训") + "「" + facts.title() + "」" + days + "天";
        String attendance = keptSessions
                ? "出勤 " + plain(hours) + "/" + plain(sessionHours) + " 学时（" + percent(share) + "）"
                : "未记考勤，按全勤计 " + plain(hours) + " 学时";
        if (!facts.offJob()) {
            return what + "，在职培训不计学分，登记学时；" + attendance;
        }
        if (!earns) {
            return what + "，不足" + CreditRules.MIN_DAYS + "天不计学分，登记学时；" + attendance;
        }
        if (!passed) {
            return what + "，" + (result.completed() ? "考核不合格" : "未完成学习") + "，不计学分（须补训），登记学时；" + attendance;
        }
        return what + "，" + attendance + "，5学分/天×" + days + "天×" + percent(share) + " = " + plain(credits)
                + " 学分（按0.5取整）";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static final String ENTRY_COLUMNS = """
            SELECT id, cadre_id, credit_year, source, source_ref, credits, hours, reason, posted_at FROM credit_entry""";

    static CreditEntry map(ResultSet rs, int row) throws SQLException {
        return new CreditEntry(rs.getLong("id"), rs.getLong("cadre_id"), rs.getInt("credit_year"), rs.getString("source"),
                rs.getString("source_ref"), rs.getBigDecimal("credits"), rs.getBigDecimal("hours"), rs.getString("reason"),
                rs.getTimestamp("posted_at").toLocalDateTime());
    }

    private record ClassFacts(String number, String title, LocalDate start, LocalDate end, boolean offJob) {
    }

    private record Result(long cadreId, String grade, boolean completed) {
    }
}
