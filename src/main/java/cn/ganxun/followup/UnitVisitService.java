package cn.ganxun.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;

/**
 * Unit visits to the sampled trainees (R27): interviews with indicator scores by source (R29, indicators of the
 * trainee's level from {@code follow-up-indicators.dmn}), completion, escalation marks, and attached files (PDF, JPEG,
 * PNG, recognised by their content, at most {@code ganxun.follow-up.attachment-max-bytes}).
 */
@Service
public class UnitVisitService {

    private static final int FINDINGS_MAX = 8000;
    private static final int FILE_NAME_MAX = 200;
    private static final String VISITS = """
            SELECT v.id, v.follow_up_id, f.class_id, v.cadre_id, c.name AS cadre_name, c.rank_level, u.name AS unit_name,
                   v.status, v.due_on, v.escalated_at, v.done_at,
                   (SELECT COUNT(*) FROM interview i WHERE i.visit_id = v.id) AS interviews
              FROM unit_visit v JOIN follow_up f ON f.id = v.follow_up_id
              JOIN cadre c ON c.id = v.cadre_id JOIN unit u ON u.id = v.unit_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final IndicatorCatalog catalog;
    private final FollowUpProperties properties;

    UnitVisitService(JdbcClient jdbc, JdbcTemplate batch, IndicatorCatalog catalog, FollowUpProperties properties) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.catalog = catalog;
        this.properties = properties;
    }

    public UnitVisit visit(long visitId) {
        return jdbc.sql(VISITS + " WHERE v.id = ?").param(visitId).query(UnitVisitService::visit).optional()
                .orElseThrow(() -> new NotFoundException("走访记录不存在：" + visitId));
    }

    /** The follow-up's visits in sample order. */
    public List<UnitVisit> visits(long followUpId) {
        return jdbc.sql(VISITS + " WHERE v.follow_up_id = ? ORDER BY v.id").param(followUpId)
                .query(UnitVisitService::visit).list();
    }

    /**
     * Logs an interview with its scores, all or nothing. Refused (400, every problem named) when the date is before
     * the class's end or in the future, the method, interviewees or findings are missing, an indicator is not one of
     * the trainee level's (R29), a score is outside its indicator's range, an (indicator, source) pair repeats, or
     * the visit is no longer due.
     *
     * @return the interview id
     */
    @Transactional
    public long logInterview(long visitId, NewInterview interview, String actor) {
        requireDue(lockVisit(visitId), "登记访谈");
        UnitVisit visit = visit(visitId);
        if (interview == null) {
            throw InvalidInputException.of("interview", "请提供访谈记录");
        }
        LocalDate classEnd = jdbc.sql("SELECT k.end_date FROM training_class k WHERE k.id = ?").param(visit.classId())
                .query(LocalDate.class).single();
        List<Problem> problems = new ArrayList<>();
        LocalDate today = EngineClock.today();
        if (interview.heldOn() == null) {
            problems.add(new Problem("heldOn", "请填写访谈日期"));
        } else if (interview.heldOn().isBefore(classEnd)) {
            problems.add(new Problem("heldOn", "访谈日期不能早于培训班结业日期 " + classEnd));
        } else if (interview.heldOn().isAfter(today)) {
            problems.add(new Problem("heldOn", "访谈日期不能晚于今天 " + today));
        }
        if (interview.method() == null) {
            problems.add(new Problem("method", "请选择访谈方式：" + labels(InterviewMethod.values(), InterviewMethod::label)));
        }
        if (interview.interviewees() == null || interview.interviewees().isEmpty() || interview.interviewees().stream().anyMatch(Objects::isNull)) {
            problems.add(new Problem("interviewees", "请选择访谈对象：" + labels(Interviewee.values(), Interviewee::label)));
        }
        if (interview.findings() == null || interview.findings().isBlank()) {
            problems.add(new Problem("findings", "请填写访谈发现"));
        } else if (interview.findings().strip().length() > FINDINGS_MAX) {
            problems.add(new Problem("findings", "访谈发现不超过" + FINDINGS_MAX + "字"));
        }
        List<NewIndicatorScore> scores = interview.scores() == null ? List.of() : interview.scores();
        checkScores(visit.traineeLevel(), scores, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO interview (visit_id, held_on, method, interviewees, findings, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(visitId, interview.heldOn(), interview.method().name(),
                        EnumSet.copyOf(interview.interviewees()).stream().map(Enum::name).collect(Collectors.joining(",")),
                        interview.findings().strip(), actor, Timestamp.valueOf(EngineClock.now()))
                .update(key, "id");
        long interviewId = key.getKey().longValue();
        batch.batchUpdate("INSERT INTO indicator_score (interview_id, indicator_code, source, score) VALUES (?, ?, ?, ?)",
                scores.stream().map(s -> new Object[] {interviewId, s.indicatorCode().strip(), s.source().name(),
                        s.score().setScale(1)}).toList());
        return interviewId;
    }

    private void checkScores(TraineeLevel level, List<NewIndicatorScore> scores, List<Problem> problems) {
        Map<String, Indicator> indicators = catalog.forLevel(level).stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scores.size(); i++) {
            NewIndicatorScore score = scores.get(i);
            if (score == null) {
                problems.add(new Problem("scores", "第 " + (i + 1) + " 项评分为空"));
                continue;
            }
            Indicator indicator = score.indicatorCode() == null ? null : indicators.get(score.indicatorCode().strip());
            if (indicator == null) {
                problems.add(new Problem("scores", "指标「" + score.indicatorCode() + "」不是" + level.label() + "的评价指标（R29），可选："
                        + indicators.values().stream().map(x -> x.name() + "（" + x.code() + "）").collect(Collectors.joining("、"))));
                continue;
            }
            if (score.source() == null) {
                problems.add(new Problem("scores", "指标「" + indicator.name() + "」须注明评分来源："
                        + labels(ScoreSource.values(), ScoreSource::label)));
            } else if (!seen.add(indicator.code() + "/" + score.source())) {
                problems.add(new Problem("scores", "指标「" + indicator.name() + "」的" + score.source().label()
                        + "重复：同一次访谈每个来源只评一次"));
            }
            if (score.score() == null || !indicator.accepts(score.score())) {
                problems.add(new Problem("scores", "指标「" + indicator.name() + "」的得分须在 " + indicator.range() + " 之间（R29）"));
            } else if (score.score().stripTrailingZeros().scale() > 1) {
                problems.add(new Problem("scores", "指标「" + indicator.name() + "」的得分至多一位小数"));
            }
        }
    }

    /** The visit's interviews by date, each with its scores. */
    public List<Interview> interviews(long visitId) {
        Map<Long, List<Interview.Score>> scores = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT s.interview_id, s.indicator_code, s.source, s.score
                  FROM indicator_score s JOIN interview i ON i.id = s.interview_id
                 WHERE i.visit_id = ? ORDER BY s.interview_id, s.indicator_code, s.source""")
                .param(visitId)
                .query(rs -> {
                    scores.computeIfAbsent(rs.getLong("interview_id"), k -> new ArrayList<>())
                            .add(new Interview.Score(rs.getString("indicator_code"), ScoreSource.valueOf(rs.getString("source")),
                                    rs.getBigDecimal("score")));
                });
        return jdbc.sql("""
                SELECT id, visit_id, held_on, method, interviewees, findings, recorded_by, recorded_at
                  FROM interview WHERE visit_id = ? ORDER BY held_on, id""")
                .param(visitId)
                .query((rs, n) -> new Interview(rs.getLong("id"), rs.getLong("visit_id"), rs.getObject("held_on", LocalDate.class),
                        InterviewMethod.valueOf(rs.getString("method")), interviewees(rs.getString("interviewees")),
                        rs.getString("findings"), List.copyOf(scores.getOrDefault(rs.getLong("id"), List.of())),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** Ends a visit (DONE); needs at least one interview (R27). Completing a done visit again changes nothing. */
    @Transactional
    public void complete(long visitId, String actor) {
        VisitStatus status = lockVisit(visitId);
        if (status == VisitStatus.DONE) {
            return;
        }
        requireDue(status, "结束走访");
        if (jdbc.sql("SELECT COUNT(*) FROM interview WHERE visit_id = ?").param(visitId).query(Integer.class).single() == 0) {
            throw InvalidInputException.of("visitId", "尚未登记访谈记录，不能结束走访（R27）");
        }
        jdbc.sql("UPDATE unit_visit SET status = 'DONE', done_by = ?, done_at = ? WHERE id = ?")
                .params(actor, Timestamp.valueOf(EngineClock.now()), visitId).update();
    }

    /** R27: notes that an overdue visit was escalated to the team lead; only the first escalation is kept. */
    @Transactional
    public void markEscalated(long visitId) {
        lockVisit(visitId);
        jdbc.sql("UPDATE unit_visit SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
                .params(Timestamp.valueOf(EngineClock.now()), visitId).update();
    }

    /** When the follow-up closes: every visit still due becomes MISSED. @return how many */
    @Transactional
    public int markUnfinishedMissed(long followUpId) {
        return jdbc.sql("UPDATE unit_visit SET status = 'MISSED' WHERE follow_up_id = ? AND status = 'DUE'")
                .param(followUpId).update();
    }

    /**
     * Attaches a file to a visit. Only PDF, JPEG and PNG: the name's extension gives the type and the content must
     * start with that type's magic bytes; a declared content type must agree. Not empty, at most
     * {@code ganxun.follow-up.attachment-max-bytes}. Stored under the recognised type.
     */
    @Transactional
    public VisitAttachment attach(long visitId, String fileName, String contentType, byte[] content, String actor) {
        lockVisit(visitId);
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            throw InvalidInputException.of("file", "请提供附件的文件名");
        }
        if (name.length() > FILE_NAME_MAX) {
            throw InvalidInputException.of("file", "附件文件名不超过" + FILE_NAME_MAX + "字");
        }
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "附件「" + name + "」是空文件");
        }
        if (content.length > properties.attachmentMaxBytes()) {
            throw InvalidInputException.of("file", "附件「" + name + "」过大：不能超过 " + size(properties.attachmentMaxBytes()));
        }
        AttachmentType type = AttachmentType.byFileName(name)
                .orElseThrow(() -> InvalidInputException.of("file", "仅支持 PDF、JPEG、PNG 格式的附件：「" + name + "」"));
        if (!type.matches(content)) {
            throw InvalidInputException.of("file", "附件「" + name + "」的内容不是有效的 " + type.name() + " 文件");
        }
        if (!type.accepts(contentType)) {
            throw InvalidInputException.of("file", "附件「" + name + "」声明的类型 " + contentType + " 与其内容（" + type.name() + "）不符");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO visit_attachment (visit_id, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(visitId, name, type.mediaType(), content.length, content, actor, Timestamp.valueOf(EngineClock.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        return attachments(visitId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /** The visit's attachments (without content), oldest first. */
    public List<VisitAttachment> attachments(long visitId) {
        return jdbc.sql("""
                SELECT id, visit_id, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                  FROM visit_attachment WHERE visit_id = ? ORDER BY id""")
                .param(visitId)
                .query((rs, n) -> new VisitAttachment(rs.getLong("id"), rs.getLong("visit_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    public AttachmentContent download(long attachmentId) {
        return jdbc.sql("SELECT id, visit_id, file_name, content_type, content FROM visit_attachment WHERE id = ?")
                .param(attachmentId)
                .query((rs, n) -> new AttachmentContent(rs.getLong("id"), rs.getLong("visit_id"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getBytes("content")))
                .optional()
                .orElseThrow(() -> new NotFoundException("附件不存在：" + attachmentId));
    }

    private VisitStatus lockVisit(long visitId) {
        return jdbc.sql("SELECT status FROM unit_visit WHERE id = ? FOR UPDATE").param(visitId).query(String.class)
                .optional().map(VisitStatus::valueOf)
                .orElseThrow(() -> new NotFoundException("走访记录不存在：" + visitId));
    }

    private static void requireDue(VisitStatus status, String action) {
        if (status != VisitStatus.DUE) {
            throw InvalidInputException.rule("R27", "visitId", "该走访" + status.label() + "，不能再" + action);
        }
    }

    private static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " 字节";
    }

    private static <E> String labels(E[] values, Function<E, String> label) {
        return Arrays.stream(values).map(label).collect(Collectors.joining("、"));
    }

    private static Set<Interviewee> interviewees(String list) {
        Set<Interviewee> set = EnumSet.noneOf(Interviewee.class);
        for (String name : list.split(",")) {
            set.add(Interviewee.valueOf(name.strip()));
        }
        return set;
    }

    private static UnitVisit visit(ResultSet rs, int row) throws SQLException {
        Timestamp escalated = rs.getTimestamp("escalated_at");
        Timestamp done = rs.getTimestamp("done_at");
        return new UnitVisit(rs.getLong("id"), rs.getLong("follow_up_id"), rs.getLong("class_id"), rs.getLong("cadre_id"),
                rs.getString("cadre_name"), rs.getString("unit_name"), TraineeLevel.of(Rank.valueOf(rs.getString("rank_level"))),
                VisitStatus.valueOf(rs.getString("status")), rs.getObject("due_on", LocalDate.class),
                escalated == null ? null : escalated.toInstant(), done == null ? null : done.toInstant(), rs.getInt("interviews"));
    }
}
