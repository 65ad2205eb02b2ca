package cn.ganxun.coverage;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Rank;
import cn.ganxun.classes.DispatchMode;
import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.dispatch.BreachSeverity;
import cn.ganxun.dispatch.DispatchRules;
import cn.ganxun.dispatch.RuleBreach;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * The org department's step of {@code coverage-watch}: turning a run's red-light cadres (R5) into named mandates (R8)
 * for open classes, and feeding them into those classes' 安排调训 task ({@code training-class}'s
 * {@code Task_PlanDispatch}), where they appear among the named cadres of the seat plan.
 *
 * <p>An open class is APPROVED or RECORDED, takes named mandates (dispatch mode NAMED or MIXED), starts after today,
 * has no roster yet and its {@code training-class} instance waits at 安排调训.
 */
@Service
public class MandateProposals {

    private static final String SEPARATORS = "[\\s,，、;；]+";

    private final JdbcClient jdbc;
    private final CoverageWatchService watch;
    private final CoverageWatchSchedule schedule;
    private final DispatchRules rules;
    private final TaskService taskService;
    private final RuntimeService runtimeService;

    MandateProposals(JdbcClient jdbc, CoverageWatchService watch, CoverageWatchSchedule schedule, DispatchRules rules,
            TaskService taskService, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.watch = watch;
        this.schedule = schedule;
        this.rules = rules;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    /** A class that can take named mandates now. */
    public record OpenClass(long id, String classNumber, String title, LocalDate startDate, LocalDate endDate,
            int plannedParticipants, DispatchMode dispatchMode) {
    }

    /** The open classes, by start date. */
    @Transactional(readOnly = true)
    public List<OpenClass> openClasses() {
        Set<String> waiting = taskService.createTaskQuery().processDefinitionKey(TrainingClassProcess.KEY)
                .taskDefinitionKey(TrainingClassProcess.Elements.TASK_PLAN_DISPATCH).list().stream()
                .map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (waiting.isEmpty()) {
            return List.of();
        }
        Set<Long> classIds = runtimeService.createVariableInstanceQuery().variableName(TrainingClassProcess.Vars.CLASS_ID)
                .processInstanceIdIn(waiting.toArray(String[]::new)).list().stream()
                .map(v -> ((Number) v.getValue()).longValue()).collect(Collectors.toSet());
        if (classIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT t.id, t.class_number, t.title, t.start_date, t.end_date, t.planned_participants, t.dispatch_mode
                FROM training_class t
                WHERE t.id IN (:ids) AND t.status IN ('APPROVED', 'RECORDED') AND t.dispatch_mode IN ('NAMED', 'MIXED')
                  AND t.start_date > :today AND NOT EXISTS (SELECT 1 FROM class_roster r WHERE r.class_id = t.id)
                ORDER BY t.start_date, t.class_number""")
                .param("ids", classIds)
                .param("today", EngineClock.today())
                .query((rs, n) -> new OpenClass(rs.getLong("id"), rs.getString("class_number"), rs.getString("title"),
                        rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                        rs.getInt("planned_participants"), DispatchMode.valueOf(rs.getString("dispatch_mode"))))
                .list();
    }

    /** The proposal form's Markdown: the run's figures, its red-light cadres (the first N per unit), the open classes. */
    @Transactional(readOnly = true)
    public String taskInfo(long runId) {
        CoverageWatchService.Run run = watch.run(runId);
        StringBuilder md = new StringBuilder("**应训预警（截至 " + run.asOf() + "，近" + CoverageLights.WINDOW_YEARS
                + "年）**：在职干部 " + run.cadres() + " 人，红灯 " + run.red() + " 人，黄灯 " + run.yellow() + " 人，绿灯 "
                + run.green() + " 人。\n\n");
        md.append("**红灯干部**（近5年未参加党的创新理论教育和党性教育，列为点名调训对象，R5）；每个单位列出学时最少的前 ")
                .append(schedule.redPerUnit()).append(" 名：\n\n| 单位 | 干部编号 | 姓名 | 职级 | 近5年学时 |\n|---|---|---|---|---|\n");
        Map<String, Integer> unlisted = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.* FROM (
                    SELECT u.code AS unit_code, u.name AS unit_name, c.cadre_number, c.name, s.rank_level, s.total_hours,
                           ROW_NUMBER() OVER (PARTITION BY s.unit_id ORDER BY s.total_hours, c.cadre_number) AS pos,
                           COUNT(*) OVER (PARTITION BY s.unit_id) AS unit_red
                    FROM coverage_snapshot s JOIN cadre c ON c.id = s.cadre_id JOIN unit u ON u.id = s.unit_id
                    WHERE s.run_id = :runId AND s.light = 'RED') r
                WHERE r.pos <= :limit
                ORDER BY r.unit_code, r.pos""")
                .param("runId", runId)
                .param("limit", schedule.redPerUnit())
                .query((RowCallbackHandler) rs -> {
                    md.append("| ").append(rs.getString("unit_name")).append(" | ").append(rs.getString("cadre_number"))
                            .append(" | ").append(rs.getString("name")).append(" | ")
                            .append(Rank.valueOf(rs.getString("rank_level")).label()).append(" | ")
                            .append(rs.getBigDecimal("total_hours").stripTrailingZeros().toPlainString()).append(" |\n");
                    int more = rs.getInt("unit_red") - schedule.redPerUnit();
                    if (more > 0) {
                        unlisted.put(rs.getString("unit_name"), more);
                    }
                });
        unlisted.forEach((unit, more) -> md.append("\n").append(unit).append("另有 ").append(more).append(" 名红灯干部未列出。"));
        md.append("\n\n完整名单：`GET /api/coverage/cadres?light=RED&asOf=").append(run.asOf()).append("`\n\n");
        List<OpenClass> open = openClasses();
        if (open.isEmpty()) {
            md.append("**待安排调训的班次**：目前没有（须已批准或已备案、可点名调训、尚未开班且仍在“安排调训”）。可不填写建议直接提交。\n");
        } else {
            md.append("**待安排调训的班次**（已批准或已备案、可点名调训、尚在“安排调训”）：\n\n")
                    .append("| 班次编号 | 名称 | 开班 | 结业 | 计划人数 | 调训方式 |\n|---|---|---|---|---|---|\n");
            open.forEach(k -> md.append("| ").append(k.classNumber()).append(" | ").append(k.title()).append(" | ")
                    .append(k.startDate()).append(" | ").append(k.endDate()).append(" | ").append(k.plannedParticipants())
                    .append(" | ").append(k.dispatchMode().label()).append(" |\n"));
        }
        md.append("\n每行填写一条点名调训建议：“干部编号，班次编号”（R8）。逐行核验：本次预警为红灯（R5）、在职（R1）、班次待安排调训、"
                + "与其他班次时间不重叠（R10）；有问题的行连同原因退回，全部无误才保存。保存的建议送入该班次的“安排调训”，预填在点名调训干部中。");
        return md.toString();
    }

    /**
     * Checks and stores the org department's proposals, one "干部编号，班次编号" per line: each cadre must be red in this
     * run (R5), active (R1), proposed once per run, and not in another class at the same time (R10); each class must be
     * open. Every problem is named with its line; nothing is stored unless all lines pass. The R10 rules an approver
     * may override (month-long training within five years, same topic within a year) and the over-dispatch warning are
     * stored with the proposal and come up again when the seat plan is made.
     *
     * @return how many proposals were stored (0 for an empty text)
     */
    @Transactional
    public int record(long runId, String text, String proposedBy) {
        watch.run(runId);
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = parse(text, problems);
        if (lines.isEmpty()) {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return 0;
        }
        Map<String, Long> cadreIds = ids("cadre", "cadre_number", lines.stream().map(Line::cadreNumber).toList());
        Map<String, Long> classIds = ids("training_class", "class_number", lines.stream().map(Line::classNumber).toList());
        Map<Long, String> lights = new HashMap<>();
        Set<Long> proposedBefore = new HashSet<>();
        if (!cadreIds.isEmpty()) {
            jdbc.sql("SELECT cadre_id, light FROM coverage_snapshot WHERE run_id = :runId AND cadre_id IN (:ids)")
                    .param("runId", runId).param("ids", cadreIds.values())
                    .query((rs, n) -> Map.entry(rs.getLong("cadre_id"), rs.getString("light"))).list()
                    .forEach(e -> lights.put(e.getKey(), e.getValue()));
            proposedBefore.addAll(jdbc.sql("SELECT cadre_id FROM coverage_proposal WHERE run_id = :runId AND cadre_id IN (:ids)")
                    .param("runId", runId).param("ids", cadreIds.values()).query(Long.class).list());
        }
        Set<Long> open = openClasses().stream().map(OpenClass::id).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        Map<Long, List<Line>> checkedByClass = new LinkedHashMap<>();
        for (Line line : lines) {
            Long cadreId = cadreIds.get(line.cadreNumber());
            Long classId = classIds.get(line.classNumber());
            if (cadreId == null) {
                problems.add(line.problem("干部编号不存在：" + line.cadreNumber()));
            } else if (!seen.add(line.cadreNumber())) {
                problems.add(line.problem("干部 " + line.cadreNumber() + " 重复，每名干部只能建议一个班次"));
            } else if (proposedBefore.contains(cadreId)) {
                problems.add(line.problem("干部 " + line.cadreNumber() + " 在本次预警中已提出点名调训建议"));
            } else if (!Light.RED.name().equals(lights.get(cadreId))) {
                String light = lights.get(cadreId);
                problems.add(line.problem("R5：干部 " + line.cadreNumber() + (light == null ? " 不在本次预警的在职干部中"
                        : " 在本次预警中为" + Light.valueOf(light).label()) + "，只有红灯干部列为点名调训对象"));
            }
            if (classId == null) {
                problems.add(line.problem("班次编号不存在：" + line.classNumber()));
            } else if (!open.contains(classId)) {
                problems.add(line.problem("班次 " + line.classNumber() + " 不是待安排调训的班次（须已批准或已备案、可点名调训、尚未开班且仍在“安排调训”）"));
            } else if (cadreId != null) {
                checkedByClass.computeIfAbsent(classId, id -> new ArrayList<>()).add(line.withIds(cadreId, classId));
            }
        }
        Map<Line, String> warnings = new HashMap<>();
        checkedByClass.forEach((classId, classLines) -> {
            Map<Long, List<RuleBreach>> breaches = rules.check(classId, null, classLines.stream().map(Line::cadreId).toList());
            for (Line line : classLines) {
                List<RuleBreach> found = breaches.get(line.cadreId());
                found.stream().filter(b -> b.severity() == BreachSeverity.BLOCK)
                        .forEach(b -> problems.add(line.problem(b.ruleId() + "：" + b.message())));
                String notes = found.stream().filter(b -> b.severity() != BreachSeverity.BLOCK)
                        .map(b -> b.ruleId() + "：" + b.message()).collect(Collectors.joining("；"));
                if (!notes.isEmpty()) {
                    warnings.put(line, notes.length() > 2000 ? notes.substring(0, 2000) : notes);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.valueOf(EngineClock.now());
        int stored = 0;
        for (List<Line> classLines : checkedByClass.values()) {
            for (Line line : classLines) {
                stored += jdbc.sql("""
                        INSERT INTO coverage_proposal (run_id, cadre_id, class_id, status, warnings, proposed_by, proposed_at)
                        VALUES (?, ?, ?, 'PROPOSED', ?, ?, ?)""")
                        .params(runId, line.cadreId(), line.classId(), warnings.get(line), proposedBy, now)
                        .update();
            }
        }
        return stored;
    }

    /**
     * Feeds the run's stored proposals into their classes' 安排调训 tasks: the cadre numbers are appended to the task's
     * named cadres (the seat plan form's {@code namedCadres}), so the org department finds them prefilled. A class whose
     * task does not exist (yet) keeps its proposals PROPOSED; the task's create listener takes them ({@link #take}).
     *
     * @return how many proposals were fed now
     */
    @Transactional
    public int feed(long runId) {
        int fed = 0;
        List<Map.Entry<Long, String>> classes = jdbc.sql("""
                SELECT DISTINCT p.class_id, t.class_number FROM coverage_proposal p JOIN training_class t ON t.id = p.class_id
                WHERE p.run_id = ? AND p.status = 'PROPOSED'""")
                .param(runId).query((rs, n) -> Map.entry(rs.getLong("class_id"), rs.getString("class_number"))).list();
        for (Map.Entry<Long, String> k : classes) {
            Task plan = taskService.createTaskQuery().processDefinitionKey(TrainingClassProcess.KEY)
                    .processInstanceBusinessKey(k.getValue())
                    .taskDefinitionKey(TrainingClassProcess.Elements.TASK_PLAN_DISPATCH).singleResult();
            if (plan == null) {
                continue;
            }
            String current = (String) taskService.getVariable(plan.getId(), TrainingClassProcess.Vars.NAMED_CADRES);
            int open = openCount(k.getKey());
            taskService.setVariable(plan.getId(), TrainingClassProcess.Vars.NAMED_CADRES, take(k.getKey(), current));
            fed += open;
        }
        return fed;
    }

    /**
     * The named cadres of a class's seat plan with the class's open proposals (of any run) appended once each, and
     * those proposals marked FED: for {@link #feed} and for the 安排调训 task's create listener.
     *
     * @param current the cadre numbers already there (commas, spaces or lines), or null
     * @return the new value; {@code current} unchanged when nothing was open
     */
    @Transactional
    public String take(long classId, String current) {
        List<String> proposed = jdbc.sql("""
                SELECT c.cadre_number FROM coverage_proposal p JOIN cadre c ON c.id = p.cadre_id
                WHERE p.class_id = ? AND p.status = 'PROPOSED' ORDER BY p.id""").param(classId).query(String.class).list();
        if (proposed.isEmpty()) {
            return current;
        }
        Set<String> numbers = new LinkedHashSet<>();
        if (current != null) {
            Arrays.stream(current.split(SEPARATORS)).filter(n -> !n.isBlank()).forEach(numbers::add);
        }
        numbers.addAll(proposed);
        jdbc.sql("UPDATE coverage_proposal SET status = 'FED', fed_at = ? WHERE class_id = ? AND status = 'PROPOSED'")
                .params(Timestamp.valueOf(EngineClock.now()), classId).update();
        return String.join(", ", numbers);
    }

    private int openCount(long classId) {
        return jdbc.sql("SELECT COUNT(*) FROM coverage_proposal WHERE class_id = ? AND status = 'PROPOSED'")
                .param(classId).query(Integer.class).single();
    }

    private Map<String, Long> ids(String table, String column, List<String> values) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT id, " + column + " FROM " + table + " WHERE " + column + " IN (:values)")
                .param("values", new HashSet<>(values))
                .query((rs, n) -> Map.entry(rs.getString(column), rs.getLong("id"))).list()
                .forEach(e -> ids.put(e.getKey(), e.getValue()));
        return ids;
    }

    private static List<Line> parse(String text, List<Problem> problems) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] rows = text.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] parts = row.split("[，,\\t ]+");
            Line line = new Line(i + 1, parts[0].strip(), parts.length > 1 ? parts[1].strip() : "", null, null);
            if (parts.length != 2) {
                problems.add(line.problem("应为“干部编号，班次编号”：" + row));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private record Line(int no, String cadreNumber, String classNumber, Long cadreId, Long classId) {

        Problem problem(String message) {
            return new Problem(CoverageWatchProcess.Vars.PROPOSALS, "第" + no + "行：" + message);
        }

        Line withIds(long cadre, long trainingClass) {
            return new Line(no, cadreNumber, classNumber, cadre, trainingClass);
        }
    }
}
