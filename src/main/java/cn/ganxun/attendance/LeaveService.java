package cn.ganxun.attendance;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.attendance.LeaveRequestProcess.Decision;
import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;

/**
 * Leave (请销假, R16): a trainee asks for leave in their current class; the class teacher decides; a leave longer than
 * {@code ganxun.leave.institution-approval-over} also needs the class's institution; the trainee reports back and the
 * sessions inside the leave are marked ON_LEAVE.
 */
@Service
public class LeaveService {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final ClassFilingService classes;
    private final ClassStaff staff;
    private final AttendanceService attendance;
    private final CurrentUser currentUser;
    private final Duration institutionApprovalOver;

    LeaveService(JdbcClient jdbc, ClassFilingService classes, ClassStaff staff, AttendanceService attendance,
            CurrentUser currentUser, @Value("${ganxun.leave.institution-approval-over:P1D}") Duration institutionApprovalOver) {
        this.jdbc = jdbc;
        this.classes = classes;
        this.staff = staff;
        this.attendance = attendance;
        this.currentUser = currentUser;
        this.institutionApprovalOver = institutionApprovalOver;
    }

    public LeaveRequest find(long leaveId) {
        return jdbc.sql("""
                SELECT id, class_id, cadre_id, starts_at, ends_at, reason, status, decided_by, decision_note, reported_back_at
                  FROM leave_request WHERE id = ?""").param(leaveId)
                .query((rs, n) -> new LeaveRequest(rs.getLong("id"), rs.getLong("class_id"), rs.getLong("cadre_id"),
                        rs.getTimestamp("starts_at").toLocalDateTime(), rs.getTimestamp("ends_at").toLocalDateTime(),
                        rs.getString("reason"), rs.getString("status"), rs.getString("decided_by"),
                        rs.getString("decision_note"), rs.getTimestamp("reported_back_at") == null ? null
                                : rs.getTimestamp("reported_back_at").toLocalDateTime()))
                .optional().orElseThrow(() -> new NotFoundException("请假申请不存在：" + leaveId));
    }

    /**
     * A trainee's request. The class is the trainee's ENROLLED class whose dates cover the leave. Refused (400,
     * nothing written): no bound cadre, bad or reversed times, no reason, no such class or several, no class teacher,
     * a leave overlapping another approved or pending leave of the trainee.
     */
    @Transactional
    public LeaveRequest request(Actor trainee, String start, String end, String reason) {
        if (trainee.cadreId() == null) {
            throw InvalidInputException.of("initiator", "您的账号未绑定干部，不能申请请假");
        }
        long cadreId = trainee.cadreId();
        List<Problem> problems = new ArrayList<>();
        LocalDateTime startsAt = parse(start, false, "leaveStart", "请假开始时间", problems);
        LocalDateTime endsAt = parse(end, true, "leaveEnd", "请假结束时间", problems);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            problems.add(new Problem("leaveEnd", "请假结束时间须晚于开始时间"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("leaveReason", "请填写请假事由"));
        } else if (reason.length() > 1000) {
            problems.add(new Problem("leaveReason", "请假事由不能超过 1000 字"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<TrainingClass> covering = jdbc.sql("""
                SELECT tc.id FROM enrollment e JOIN training_class tc ON tc.id = e.class_id
                 WHERE e.cadre_id = ? AND e.status = 'ENROLLED' AND tc.start_date <= ? AND tc.end_date >= ?
                 ORDER BY tc.start_date""")
                .params(cadreId, startsAt.toLocalDate(), endsAt.minusSeconds(1).toLocalDate())
                .query(Long.class).list().stream().map(classes::find).toList();
        if (covering.isEmpty()) {
            throw InvalidInputException.of("leaveStart", "请假时间 " + startsAt.format(TIME) + " 至 " + endsAt.format(TIME)
                    + " 不在您参训的任何班次的培训期内");
        }
        if (covering.size() > 1) {
            throw InvalidInputException.of("leaveStart", "请假时间同时落在多个班次内（"
                    + String.join("、", covering.stream().map(TrainingClass::classNumber).toList())
                    + "），请分别按班次的培训期申请");
        }
        TrainingClass c = covering.get(0);
        if (staff.classTeacherIds(c.id()).isEmpty()) {
            throw InvalidInputException.of("classId", c.title() + "（" + c.classNumber() + "）尚未设班主任，请联系培训机构");
        }
        Optional<LeaveRequest> overlapping = jdbc.sql("""
                SELECT id FROM leave_request WHERE cadre_id = ? AND status IN ('REQUESTED', 'APPROVED', 'REPORTED_BACK')
                   AND starts_at < ? AND ends_at > ? ORDER BY starts_at""")
                .params(cadreId, Timestamp.valueOf(endsAt), Timestamp.valueOf(startsAt)).query(Long.class).list()
                .stream().findFirst().map(this::find);
        if (overlapping.isPresent()) {
            LeaveRequest o = overlapping.get();
            throw InvalidInputException.of("leaveStart", "与您" + ("REQUESTED".equals(o.status()) ? "待审批" : "已批准")
                    + "的请假（" + o.startsAt().format(TIME) + " 至 " + o.endsAt().format(TIME) + "）重叠");
        }
        jdbc.sql("""
                INSERT INTO leave_request (class_id, cadre_id, starts_at, ends_at, reason, status, created_at)
                VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?)""")
                .params(c.id(), cadreId, Timestamp.valueOf(startsAt), Timestamp.valueOf(endsAt), reason.trim(),
                        Timestamp.valueOf(EngineClock.now()))
                .update();
        return find(jdbc.sql("SELECT MAX(id) FROM leave_request WHERE cadre_id = ?").param(cadreId).query(Long.class).single());
    }

    /** Whether the leave is long enough to need the institution's approval too. */
    public boolean needsInstitutionApproval(LeaveRequest leave) {
        return Duration.between(leave.startsAt(), leave.endsAt()).compareTo(institutionApprovalOver) > 0;
    }

    /**
     * The class teacher's decision. A refusal needs a comment and ends the request; an approval ends it too unless
     * the institution must also approve.
     *
     * @return whether the leave is approved so far
     */
    @Transactional
    public boolean decideByTeacher(long leaveId, Decision decision, String comment, Actor actor) {
        LeaveRequest leave = requested(leaveId);
        if (!actor.inAnyGroup(Groups.ORG_DEPT) && !staff.isClassTeacher(leave.classId(), actor.userId())) {
            throw new AccessDeniedException("无权访问：只有本班班主任可以审批请假");
        }
        boolean last = decision == Decision.REFUSE || !needsInstitutionApproval(leave);
        return decide(leave, decision, comment, actor, "班主任", last);
    }

    /** The institution's decision on a long leave the class teacher approved. */
    @Transactional
    public boolean decideByInstitution(long leaveId, Decision decision, String comment, Actor actor) {
        LeaveRequest leave = requested(leaveId);
        TrainingClass c = classes.find(leave.classId());
        if (!actor.inAnyGroup(Groups.ORG_DEPT) && !actor.groups().contains(Groups.institution(c.institutionCode()))) {
            throw new AccessDeniedException("无权访问：只有本班培训机构可以审批长假");
        }
        return decide(leave, decision, comment, actor, "培训机构", true);
    }

    /** 销假: the trainee (or the class teacher on their behalf) reports back from an approved leave. */
    @Transactional
    public void reportBack(long leaveId, Actor actor) {
        LeaveRequest leave = find(leaveId);
        boolean self = actor.cadreId() != null && actor.cadreId() == leave.cadreId();
        if (!self && !actor.inAnyGroup(Groups.ORG_DEPT) && !staff.isClassTeacher(leave.classId(), actor.userId())) {
            throw new AccessDeniedException("无权访问：只有请假学员本人可以销假");
        }
        if (!"APPROVED".equals(leave.status())) {
            throw InvalidInputException.of("leaveId", "该请假当前不可销假（" + leave.status() + "）");
        }
        jdbc.sql("UPDATE leave_request SET status = 'REPORTED_BACK', reported_back_at = ? WHERE id = ?")
                .params(Timestamp.valueOf(EngineClock.now()), leaveId).update();
    }

    /** Marks the trainee ON_LEAVE in the class's sessions inside the leave (source LEAVE). */
    @Transactional
    public int markAttendance(long leaveId, String userId) {
        LeaveRequest leave = find(leaveId);
        return attendance.markLeave(leave.classId(), leave.cadreId(), leave.startsAt(), leave.endsAt(),
                "请假已批准（请假申请 " + leaveId + "）：" + abbreviate(leave.reason()), userId);
    }

    /** The user account bound to the cadre (the trainee's own login), if any. */
    public Optional<String> accountOf(long cadreId) {
        return currentUser.accountsOf(cadreId).stream().findFirst();
    }

    /** Markdown for the task forms: trainee, class, times, reason, decisions so far. */
    public String summary(long leaveId) {
        LeaveRequest leave = find(leaveId);
        TrainingClass c = classes.find(leave.classId());
        String trainee = jdbc.sql("SELECT c.name || '（' || c.cadre_number || '，' || u.name || '）' FROM cadre c "
                + "JOIN unit u ON u.id = c.unit_id WHERE c.id = ?").param(leave.cadreId()).query(String.class).single();
        StringBuilder md = new StringBuilder();
        md.append("#### 请假申请：").append(trainee).append("\n\n");
        md.append("- 班次：").append(c.title()).append("（").append(c.classNumber()).append("，").append(c.startDate())
                .append(" 至 ").append(c.endDate()).append("）\n");
        md.append("- 请假时间：").append(leave.startsAt().format(TIME)).append(" 至 ").append(leave.endsAt().format(TIME))
                .append(needsInstitutionApproval(leave) ? "（超过 " + institutionApprovalOver.toHours()
                        + " 小时，须培训机构审批）" : "").append('\n');
        md.append("- 事由：").append(leave.reason().replace('\n', ' ')).append('\n');
        List<TeachingSession> missed = attendance.sessionsWithin(leave.classId(), leave.startsAt(), leave.endsAt());
        md.append("- 涉及教学场次：").append(missed.isEmpty() ? "无" : missed.size() + " 个（"
                + String.join("、", missed.stream().map(s -> s.sessionDate() + s.period().label()).toList()) + "）")
                .append('\n');
        if (leave.decisionNote() != null) {
            md.append("- 审批意见：").append(leave.decisionNote().replace('\n', '；')).append('\n');
        }
        return md.toString();
    }

    private boolean decide(LeaveRequest leave, Decision decision, String comment, Actor actor, String who, boolean last) {
        if (decision == null) {
            throw InvalidInputException.of("leaveDecision", "请选择是否批准");
        }
        if (decision == Decision.REFUSE && (comment == null || comment.isBlank())) {
            throw InvalidInputException.of("leaveComment", "不批准请假须填写意见");
        }
        String note = who + "（" + actor.userId() + "）" + (decision == Decision.APPROVE ? "同意" : "不同意")
                + (comment == null || comment.isBlank() ? "" : "：" + comment.trim());
        String notes = leave.decisionNote() == null ? note : leave.decisionNote() + "\n" + note;
        String status = decision == Decision.REFUSE ? "REFUSED" : last ? "APPROVED" : "REQUESTED";
        jdbc.sql("UPDATE leave_request SET status = ?, decided_by = ?, decision_note = ? WHERE id = ?")
                .params(status, actor.userId(), abbreviate(notes, 1000), leave.id()).update();
        return decision == Decision.APPROVE;
    }

    private LeaveRequest requested(long leaveId) {
        LeaveRequest leave = find(leaveId);
        if (!"REQUESTED".equals(leave.status())) {
            throw InvalidInputException.of("leaveId", "该请假申请已处理（" + leave.status() + "）");
        }
        return leave;
    }

    /**
     * A date-time as Camunda Forms submits it (2026-05-04T08:00, with or without seconds or a zone) or a date alone
     * (the start of that day; for the end, the end of that day).
     */
    private static LocalDateTime parse(String value, boolean end, String field, String label, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "请填写" + label));
            return null;
        }
        String v = value.trim().replace(' ', 'T');
        try {
            if (v.length() == 10) {
                LocalDate date = LocalDate.parse(v);
                return end ? date.plusDays(1).atStartOfDay() : date.atStartOfDay();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(v).atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
            }
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, label + "格式错误：" + value + "（yyyy-MM-dd HH:mm）"));
            return null;
        }
    }

    private static String abbreviate(String text) {
        return abbreviate(text, 100);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
