package cn.ganxun.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.notification.MailOutbox;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * The follow-up of one class (跟踪问效): its plan (R24), opening once the results are confirmed, the institution's
 * seminars and the trainees' learning summaries with one chase and the list of missing ones (R26), and the close with
 * a final post-evaluation per trainee (R29) that the trainee's archive (R3a) and the unit feedback (R30) read.
 * <p>
 * The trainees of a follow-up are the class's trainees who did not withdraw (enrollment ENROLLED, COMPLETED or
 * INCOMPLETE) — the same population the sample for unit visits is drawn from (R27).
 */
@Service
public class FollowUpService {

    static final String TRAINEES = "e.status IN ('ENROLLED', 'COMPLETED', 'INCOMPLETE')";
    private static final int TEXT_MAX = 8000;
    private static final String FOLLOW_UPS = """
            SELECT f.id, f.class_id, k.class_number, k.title, k.institution_id, i.code AS institution_code,
                   i.name AS institution_name, k.follow_up_kind, f.years, f.starts_on, f.ends_on, f.seminar_due_on,
                   f.summaries_due_on, f.visits_due_on, f.status, f.opened_at, f.closed_at
              FROM follow_up f JOIN training_class k ON k.id = f.class_id JOIN institution i ON i.id = k.institution_id
            """;
    private static final String SUMMARIES = """
            SELECT s.id, s.follow_up_id, s.cadre_id, c.cadre_number, c.name, u.name AS unit_name, s.status, s.written_by,
                   s.submitted_at, s.chased_at
              FROM learning_summary s JOIN cadre c ON c.id = s.cadre_id JOIN unit u ON u.id = c.unit_id
            """;

    private final JdbcClient jdbc;
    private final FollowUpProperties properties;
    private final PostEvaluation evaluation;
    private final UnitVisitService visits;
    private final MailOutbox outbox;
    private final Directory directory;
    private final FollowUpParticipants participants;

    FollowUpService(JdbcClient jdbc, FollowUpProperties properties, PostEvaluation evaluation, UnitVisitService visits,
            MailOutbox outbox, Directory directory, FollowUpParticipants participants) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.evaluation = evaluation;
        this.visits = visits;
        this.outbox = outbox;
        this.directory = directory;
        this.participants = participants;
    }

    /**
     * R24: sets how long the class's trainees are followed up: regular classes one year, pilot and key classes one to
     * three years. Refused once the follow-up has started.
     */
    @Transactional
    public void plan(long classId, FollowUpKind kind, Integer years) {
        requireClass(classId);
        if (kind == null) {
            throw InvalidInputException.rule("R24", "kind", "请选择班次类别：REGULAR（常规）、PILOT（试点）或 KEY（重点）");
        }
        int length = years == null ? 1 : years;
        if (!kind.allows(length)) {
            throw InvalidInputException.rule("R24", "years", kind == FollowUpKind.REGULAR
                    ? "常规班次跟踪问效期限为1年；试点、重点班次可设1至3年"
                    : kind.label() + "跟踪问效期限须为1至3年");
        }
        if (ofClass(classId) != null) {
            throw InvalidInputException.rule("R24", "classId", "本班训后跟踪已开始，不能再修改跟踪期限");
        }
        jdbc.sql("UPDATE training_class SET follow_up_kind = ?, follow_up_years = ? WHERE id = ?")
                .params(kind.name(), length, classId).update();
    }

    /**
     * Opens the class's follow-up (idempotent: a second call returns the same one): from the class's last day for the
     * class's follow-up years (R24); seminar and summaries due after {@code seminar-within} (R26), unit visits after
     * {@code visits-within} (R27); one DUE learning summary per trainee. Refused while the results are not confirmed.
     */
    @Transactional
    public FollowUp open(long classId, String processInstanceId) {
        record Plan(LocalDate endDate, int years) {
        }
        Plan plan = jdbc.sql("SELECT end_date, follow_up_years FROM training_class WHERE id = ? FOR UPDATE").param(classId)
                .query((rs, n) -> new Plan(rs.getObject("end_date", LocalDate.class), rs.getInt("follow_up_years")))
                .optional().orElseThrow(() -> new NotFoundException("培训班不存在：" + classId));
        FollowUp existing = ofClass(classId);
        if (existing != null) {
            return existing;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM assessment_result WHERE class_id = ? AND confirmed_at IS NOT NULL")
                .param(classId).query(Integer.class).single() == 0) {
            throw InvalidInputException.rule("R24", "classId", "本班考核结果尚未确认，不能开始训后跟踪");
        }
        LocalDate start = plan.endDate();
        jdbc.sql("""
                INSERT INTO follow_up (class_id, years, starts_on, ends_on, seminar_due_on, summaries_due_on, visits_due_on,
                                       status, process_instance_id, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(classId, plan.years(), start, start.plusYears(plan.years()), start.plus(properties.seminarWithin()),
                        start.plus(properties.seminarWithin()), start.plus(properties.visitsWithin()), processInstanceId,
                        Timestamp.valueOf(EngineClock.now()))
                .update();
        FollowUp followUp = ofClass(classId);
        jdbc.sql("""
                INSERT INTO learning_summary (follow_up_id, cadre_id, status)
                SELECT ?, e.cadre_id, 'DUE' FROM enrollment e WHERE e.class_id = ?""" + " AND " + TRAINEES)
                .params(followUp.id(), classId).update();
        return followUp;
    }

    /** R26: the day missing summaries are listed: the summaries' due date plus {@code summary-grace}. */
    public LocalDate missingListedOn(FollowUp followUp) {
        return followUp.summariesDueOn().plus(properties.summaryGrace());
    }

    public FollowUp find(long followUpId) {
        return jdbc.sql(FOLLOW_UPS + " WHERE f.id = ?").param(followUpId).query(FollowUpService::followUp).optional()
                .orElseThrow(() -> new NotFoundException("跟踪问效不存在：" + followUpId));
    }

    /**
     * The follow-up a {@code follow-up} process instance works on. The process's steps resolve it here rather than from
     * a process variable, which whoever completes one of its tasks could overwrite.
     */
    public FollowUp ofProcess(String processInstanceId) {
        return jdbc.sql(FOLLOW_UPS + " WHERE f.process_instance_id = ?").param(processInstanceId)
                .query(FollowUpService::followUp).optional()
                .orElseThrow(() -> new NotFoundException("该流程实例没有训后跟踪：" + processInstanceId));
    }

    /** The {@code follow-up} process instance of a follow-up, if it runs (or ran) in one. */
    public Optional<String> processInstanceId(long followUpId) {
        return jdbc.sql("SELECT process_instance_id FROM follow_up WHERE id = ?").param(followUpId).query(String.class)
                .optional().filter(Objects::nonNull);
    }

    /** The class's follow-up, or null before it opened. */
    public FollowUp ofClass(long classId) {
        return jdbc.sql(FOLLOW_UPS + " WHERE f.class_id = ?").param(classId).query(FollowUpService::followUp).optional()
                .orElse(null);
    }

    /** The cadre ids of the follow-up's trainees, by cadre number. */
    public List<Long> trainees(long followUpId) {
        return jdbc.sql("""
                SELECT s.cadre_id FROM learning_summary s JOIN cadre c ON c.id = s.cadre_id
                 WHERE s.follow_up_id = ? ORDER BY c.cadre_number""")
                .param(followUpId).query(Long.class).list();
    }

    /**
     * R26: records a seminar. Refused (every problem named) when the date is missing, before the class's last day or
     * in the future, or place, attendees or minutes are missing or too long, or the follow-up is closed.
     *
     * @return the seminar id
     */
    @Transactional
    public long recordSeminar(long followUpId, NewSeminar seminar, String actor) {
        FollowUp followUp = lockOpen(followUpId, "登记座谈会");
        List<Problem> problems = new ArrayList<>();
        if (seminar == null) {
            throw InvalidInputException.of("seminar", "请填写座谈会记录");
        }
        if (seminar.heldOn() == null) {
            problems.add(new Problem("heldOn", "请填写座谈会日期"));
        } else if (seminar.heldOn().isBefore(followUp.startsOn())) {
            problems.add(new Problem("heldOn", "座谈会日期不能早于培训班结业日期 " + followUp.startsOn() + "（R26）"));
        } else if (seminar.heldOn().isAfter(EngineClock.today())) {
            problems.add(new Problem("heldOn", "座谈会日期不能晚于今天 " + EngineClock.today()));
        }
        required(problems, "place", "座谈会地点", seminar.place(), 200);
        required(problems, "attendees", "参会人员", seminar.attendees(), 2000);
        required(problems, "minutes", "会议纪要", seminar.minutes(), TEXT_MAX);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO follow_up_seminar (follow_up_id, held_on, place, attendees, minutes, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(followUpId, seminar.heldOn(), seminar.place().strip(), seminar.attendees().strip(),
                        seminar.minutes().strip(), actor, Timestamp.valueOf(EngineClock.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public List<Seminar> seminars(long followUpId) {
        return jdbc.sql("""
                SELECT id, follow_up_id, held_on, place, attendees, minutes, recorded_by, recorded_at
                  FROM follow_up_seminar WHERE follow_up_id = ? ORDER BY held_on, id""")
                .param(followUpId)
                .query((rs, n) -> new Seminar(rs.getLong("id"), rs.getLong("follow_up_id"),
                        rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("attendees"),
                        rs.getString("minutes"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /**
     * R26: a trainee's learning summary (at least 50 characters), written by the trainee (an account bound to the cadre)
     * or on their behalf by a user of the class's institution. Refused when the trainee is not one of the follow-up's,
     * the writer is neither, the summary was submitted already or listed as missing, or the follow-up is closed.
     */
    @Transactional
    public void submitSummary(long followUpId, long cadreId, String content, String actor) {
        FollowUp followUp = lockOpen(followUpId, "提交学习心得");
        String status = jdbc.sql("SELECT status FROM learning_summary WHERE follow_up_id = ? AND cadre_id = ? FOR UPDATE")
                .params(followUpId, cadreId).query(String.class).optional()
                .orElseThrow(() -> InvalidInputException.rule("R26", "cadreId", "该干部不是本班跟踪问效的学员：" + cadreId));
        if (!LearningSummary.DUE.equals(status)) {
            throw InvalidInputException.rule("R26", "cadreId", LearningSummary.SUBMITTED.equals(status)
                    ? "学习心得已提交，不能重复提交" : "学习心得已逾期并列入未交名单");
        }
        if (!participants.writesFor(actor, followUp.institutionId(), cadreId)) {
            throw new AccessDeniedException("无权访问：学习心得由学员本人或本班承办机构代为填写（R26）");
        }
        String text = content == null ? "" : content.strip();
        if (text.length() < 50) {
            throw InvalidInputException.rule("R26", "content", "学习心得不少于50字（当前 " + text.length() + " 字）");
        }
        if (text.length() > TEXT_MAX) {
            throw InvalidInputException.of("content", "学习心得不超过" + TEXT_MAX + "字");
        }
        jdbc.sql("""
                UPDATE learning_summary SET status = 'SUBMITTED', content = ?, written_by = ?, submitted_at = ?
                 WHERE follow_up_id = ? AND cadre_id = ?""")
                .params(text, actor, Timestamp.valueOf(EngineClock.now()), followUpId, cadreId).update();
    }

    /** Every learning summary of the follow-up, by cadre number (without content). */
    public List<LearningSummary> summaries(long followUpId) {
        return jdbc.sql(SUMMARIES + " WHERE s.follow_up_id = ? ORDER BY c.cadre_number").param(followUpId)
                .query(FollowUpService::summary).list();
    }

    public LearningSummary summary(long followUpId, long cadreId) {
        return jdbc.sql(SUMMARIES + " WHERE s.follow_up_id = ? AND s.cadre_id = ?").params(followUpId, cadreId)
                .query(FollowUpService::summary).optional()
                .orElseThrow(() -> new NotFoundException("学习心得记录不存在：" + cadreId));
    }

    /**
     * R26: chases the trainee's summary when it is still due, once: a mail to the trainee (the cadre's and their
     * accounts' e-mails) and their unit's HR, through the outbox (key {@code learning-summary-chase:{summary id}}), so
     * a retried job sends no second copy; the chase time is kept. Each trainee's 心得到期 timer calls it.
     *
     * @return whether the summary was still due (and so chased)
     */
    @Transactional
    public boolean chaseSummary(long followUpId, long cadreId) {
        return chase(followUpId, " AND s.cadre_id = ?", cadreId) == 1;
    }

    /**
     * R26: chases every summary of the follow-up still due, once each, as {@link #chaseSummary} does for one. Follow-ups
     * started on a version of the model before the per-trainee summary subprocess chase everyone at their one timer.
     *
     * @return how many trainees were chased
     */
    @Transactional
    public int chaseSummaries(long followUpId) {
        return chase(followUpId, "", null);
    }

    private int chase(long followUpId, String andCadre, Long cadreId) {
        FollowUp followUp = find(followUpId);
        record Due(long id, long cadreId, String name, String email, String unitCode, String hrEmail) {
        }
        List<Due> due = jdbc.sql("""
                SELECT s.id, s.cadre_id, c.name, c.email, u.code, u.hr_email
                  FROM learning_summary s JOIN cadre c ON c.id = s.cadre_id JOIN unit u ON u.id = c.unit_id
                 WHERE s.follow_up_id = ? AND s.status = 'DUE'""" + andCadre + " ORDER BY c.cadre_number")
                .params(cadreId == null ? List.of(followUpId) : List.of(followUpId, cadreId))
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("cadre_id"), rs.getString("name"),
                        rs.getString("email"), rs.getString("code"), rs.getString("hr_email")))
                .list();
        for (Due d : due) {
            Set<String> recipients = new LinkedHashSet<>();
            add(recipients, d.email());
            participants.traineeAccounts(d.cadreId()).forEach(user -> directory.emailOf(user).ifPresent(recipients::add));
            add(recipients, d.hrEmail());
            recipients.addAll(directory.emailsOfGroup(Groups.unitHr(d.unitCode())));
            outbox.send("learning-summary-chase:" + d.id(), recipients, "【学习心得催交】" + d.name() + " " + followUp.classTitle(),
                    d.name() + "同志：\n\n您参加的「" + followUp.classTitle() + "」（" + followUp.classNumber() + "）训后学习心得应于 "
                            + followUp.summariesDueOn() + " 前提交，目前尚未收到。请尽快在干训系统任务列表中提交（R26）；至 "
                            + missingListedOn(followUp) + " 仍未提交的，将列入未交名单并告知承办机构。\n\n"
                            + "本邮件同时抄送所在单位组织人事部门。\n\n干训系统（自动发送，请勿直接回复）");
            jdbc.sql("UPDATE learning_summary SET chased_at = ? WHERE id = ? AND chased_at IS NULL")
                    .params(Timestamp.valueOf(EngineClock.now()), d.id()).update();
        }
        return due.size();
    }

    /**
     * R26: when every trainee's summary subprocess has ended (written, or its grace period after the chase over), every
     * summary still due becomes MISSING. @return the follow-up's missing summaries
     */
    @Transactional
    public List<LearningSummary> listMissing(long followUpId) {
        find(followUpId);
        markMissing(followUpId);
        return jdbc.sql(SUMMARIES + " WHERE s.follow_up_id = ? AND s.status = 'MISSING' ORDER BY c.cadre_number")
                .param(followUpId).query(FollowUpService::summary).list();
    }

    /**
     * Closes the follow-up at the end of its period (idempotent): visits still due are MISSED, summaries still due
     * MISSING, and every trainee gets a final post-evaluation (R29) combining the sources of their visit's interviews —
     * kept in {@code follow_up_evaluation}, which the trainee's archive (R3a) and the follow-up feedback to the units
     * (R30) read.
     *
     * @return how many trainees were evaluated
     */
    @Transactional
    public int close(long followUpId) {
        FollowUp followUp = lockFollowUp(followUpId);
        if (!followUp.open()) {
            return evaluationCount(followUpId);
        }
        visits.markUnfinishedMissed(followUpId);
        markMissing(followUpId);
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        for (long cadreId : trainees(followUpId)) {
            SourceScores scores = evaluation.scoresFor(followUpId, cadreId);
            boolean visited = jdbc.sql("SELECT COUNT(*) FROM unit_visit WHERE follow_up_id = ? AND cadre_id = ? AND status = 'DONE'")
                    .params(followUpId, cadreId).query(Integer.class).single() > 0;
            jdbc.sql("""
                    INSERT INTO follow_up_evaluation (follow_up_id, cadre_id, trainee_level, self_score, colleagues_score,
                            unit_leader_score, public_score, combined_score, summary_submitted, visited, findings, evaluated_at)
                    SELECT ?, ?, ?, ?, ?, ?, ?, ?,
                           (SELECT COUNT(*) FROM learning_summary WHERE follow_up_id = ? AND cadre_id = ? AND status = 'SUBMITTED') > 0,
                           ?, ?, ?""")
                    .params(followUpId, cadreId, scores.level().name(), scores.self(), scores.colleagues(),
                            scores.unitLeader(), scores.publicScore(), scores.combined(), followUpId, cadreId, visited,
                            scores.findings(), now)
                    .update();
        }
        jdbc.sql("UPDATE follow_up SET status = 'CLOSED', closed_at = ? WHERE id = ?").params(now, followUpId).update();
        return evaluationCount(followUpId);
    }

    /** The final post-evaluations (after the close), by cadre number. */
    public List<FollowUpEvaluation> evaluations(long followUpId) {
        return jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, u.name AS unit_name, e.trainee_level, e.self_score, e.colleagues_score,
                       e.unit_leader_score, e.public_score, e.combined_score, e.summary_submitted, e.visited, e.findings
                  FROM follow_up_evaluation e JOIN cadre c ON c.id = e.cadre_id JOIN unit u ON u.id = c.unit_id
                 WHERE e.follow_up_id = ? ORDER BY c.cadre_number""")
                .param(followUpId)
                .query((rs, n) -> new FollowUpEvaluation(rs.getLong("id"), rs.getString("cadre_number"), rs.getString("name"),
                        rs.getString("unit_name"), TraineeLevel.valueOf(rs.getString("trainee_level")),
                        new SourceScores(TraineeLevel.valueOf(rs.getString("trainee_level")), rs.getBigDecimal("self_score"),
                                rs.getBigDecimal("colleagues_score"), rs.getBigDecimal("unit_leader_score"),
                                rs.getBigDecimal("public_score"), rs.getBigDecimal("combined_score"), rs.getString("findings")),
                        rs.getBoolean("summary_submitted"), rs.getBoolean("visited")))
                .list();
    }

    private void markMissing(long followUpId) {
        jdbc.sql("UPDATE learning_summary SET status = 'MISSING' WHERE follow_up_id = ? AND status = 'DUE'")
                .param(followUpId).update();
    }

    private int evaluationCount(long followUpId) {
        return jdbc.sql("SELECT COUNT(*) FROM follow_up_evaluation WHERE follow_up_id = ?").param(followUpId)
                .query(Integer.class).single();
    }

    private FollowUp lockFollowUp(long followUpId) {
        jdbc.sql("SELECT id FROM follow_up WHERE id = ? FOR UPDATE").param(followUpId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("跟踪问效不存在：" + followUpId));
        return find(followUpId);
    }

    private FollowUp lockOpen(long followUpId, String action) {
        FollowUp followUp = lockFollowUp(followUpId);
        if (!followUp.open()) {
            throw InvalidInputException.rule("R24", "followUpId", "本班训后跟踪已于 " + followUp.endsOn() + " 结束，不能再" + action);
        }
        return followUp;
    }

    private void requireClass(long classId) {
        if (jdbc.sql("SELECT COUNT(*) FROM training_class WHERE id = ?").param(classId).query(Integer.class).single() == 0) {
            throw new NotFoundException("培训班不存在：" + classId);
        }
    }

    private static void required(List<Problem> problems, String field, String label, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "请填写" + label));
        } else if (value.strip().length() > max) {
            problems.add(new Problem(field, label + "不超过" + max + "字"));
        }
    }

    private static void add(Set<String> recipients, String email) {
        if (email != null && !email.isBlank()) {
            recipients.add(email.strip());
        }
    }

    private static FollowUp followUp(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new FollowUp(rs.getLong("id"), rs.getLong("class_id"), rs.getString("class_number"), rs.getString("title"),
                rs.getLong("institution_id"), rs.getString("institution_code"), rs.getString("institution_name"),
                FollowUpKind.valueOf(rs.getString("follow_up_kind")), rs.getInt("years"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getObject("seminar_due_on", LocalDate.class), rs.getObject("summaries_due_on", LocalDate.class),
                rs.getObject("visits_due_on", LocalDate.class), rs.getString("status"),
                rs.getTimestamp("opened_at").toLocalDateTime(), closed == null ? null : closed.toLocalDateTime());
    }

    private static LearningSummary summary(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        Timestamp chased = rs.getTimestamp("chased_at");
        return new LearningSummary(rs.getLong("id"), rs.getLong("follow_up_id"), rs.getLong("cadre_id"),
                rs.getString("cadre_number"), rs.getString("name"), rs.getString("unit_name"), rs.getString("status"),
                rs.getString("written_by"), submitted == null ? null : submitted.toInstant(),
                chased == null ? null : chased.toInstant());
    }
}
