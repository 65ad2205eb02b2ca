package cn.ganxun.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.assessment.AssessmentProcess.Elements;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.AsApplication;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Assessment through the REST API. Scores and the review complete the same process task a Tasklist user would (the
 * JSON is rendered into the form's lines), so the API and the forms share one path and one set of checks.
 */
@RestController
@RequestMapping("/api/classes/{classId}")
@Tag(name = "考核", description = "4+1 评分方案（R18）、多元评价（R19）、等次与优秀学员（R20、R35）、自我评价（R25）")
class AssessmentController {

    private final TaskService taskService;
    private final AsApplication asApplication;
    private final ScoreService scores;
    private final AssessmentService assessment;
    private final AssessmentStaff staff;
    private final CurrentUser currentUser;

    AssessmentController(TaskService taskService, AsApplication asApplication, ScoreService scores, AssessmentService assessment, AssessmentStaff staff,
            CurrentUser currentUser) {
        this.taskService = taskService;
        this.asApplication = asApplication;
        this.scores = scores;
        this.assessment = assessment;
        this.staff = staff;
        this.currentUser = currentUser;
    }

    @GetMapping("/scoring-scheme")
    @Operation(summary = "查看评分方案", description = "本班4+1评分方案；未设置时为空")
    List<ScoringItem> scheme(@PathVariable long classId) {
        requireOrganiser(classId);
        return scores.scheme(classId);
    }

    @PutMapping("/scoring-scheme")
    @Operation(summary = "设置评分方案", description = "R18：四个常规模块各方面合计100分，加分项不限总分；评分开始后不可修改")
    List<ScoringItem> configureScheme(@PathVariable long classId, @RequestBody(required = false) List<ScoringItem> items) {
        requireOrganiser(classId);
        scores.configureScheme(classId, items);
        return scores.scheme(classId);
    }

    @PostMapping("/assessment")
    @Operation(summary = "开始考核", description = "班次结业后启动考核流程（业务键为班次编号）")
    Map<String, Object> start(@PathVariable long classId) {
        requireOrganiser(classId);
        // the organiser's right is checked above; the engine starts the (not user-startable) process as the system
        return Map.of("processInstanceId", asApplication.call(() -> assessment.start(classId)));
    }

    @PostMapping("/assessment/scores")
    @Operation(summary = "录入评分", description = "班主任（CLASS_TEACHER，4+1 各项）、授课教师（LECTURER：KNOWLEDGE、APPLICATION）、"
            + "联络员（LIAISON：POLITICAL_QUALITY、TEAMWORK）为每名学员评分；同学互评（PEER：OVERALL）须给出 traineeNumber 与自我评价")
    Map<String, Object> score(@PathVariable long classId, @RequestBody(required = false) ScoresRequest request) {
        Actor actor = currentUser.get();
        if (request == null || request.raterKind() == null || request.scores() == null) {
            throw InvalidInputException.of("body", "请提供 raterKind 与 scores");
        }
        RaterKind kind = request.raterKind();
        List<ScoringItem> columns = scores.columns(classId, kind);
        Map<String, Object> variables = new HashMap<>();
        Long traineeId = null;
        TaskQuery query = taskService.createTaskQuery().processVariableValueEquals(CLASS_ID, classId)
                .taskCandidateUser(actor.userId());
        switch (kind) {
            case CLASS_TEACHER -> {
                query.taskDefinitionKey(Elements.TASK_SCORE_BY_TEACHER);
                variables.put(TEACHER_SCORES, render(request.scores(), columns));
            }
            case LECTURER -> {
                query.taskDefinitionKey(Elements.TASK_SCORE_BY_LECTURER);
                variables.put(LECTURER_SCORES, render(request.scores(), columns));
            }
            case LIAISON -> {
                query.taskDefinitionKey(Elements.TASK_SCORE_BY_LIAISON);
                variables.put(LIAISON_SCORES, render(request.scores(), columns));
            }
            case PEER -> {
                Trainee rater = scores.rosterByNumber(classId).get(request.traineeNumber() == null ? "" : request.traineeNumber());
                if (rater == null) {
                    throw InvalidInputException.of("traineeNumber", "评分学员不在本班学员名单中：" + request.traineeNumber());
                }
                query.taskDefinitionKey(Elements.TASK_RATE_CLASSMATES);
                traineeId = rater.cadreId();
                variables.put(PEER_RATINGS, render(request.scores(), columns));
                SelfEvaluation self = request.selfEvaluation() == null ? new SelfEvaluation(null, null, null)
                        : request.selfEvaluation();
                variables.put(SELF_KNOWLEDGE, self.knowledge());
                variables.put(SELF_INSPIRATION, self.inspiration());
                variables.put(SELF_NEW_IDEAS, self.newIdeas());
            }
        }
        Long trainee = traineeId;
        List<Task> tasks = query.list().stream()
                .filter(t -> trainee == null || trainee.equals(taskService.getVariable(t.getId(), TRAINEE_ID))).toList();
        if (tasks.isEmpty()) {
            throw new AccessDeniedException("您当前没有本班的" + kind.label() + "任务");
        }
        taskService.complete(tasks.get(0).getId(), variables);
        return Map.of("classId", classId, "raterKind", kind, "trainees", request.scores().size());
    }

    @GetMapping("/assessment/results")
    @Operation(summary = "查看考核结果", description = "每名学员的各方评分、综合成绩、等次、排名、是否完成学业与优秀学员候选")
    List<AssessmentResult> results(@PathVariable long classId) {
        requireOrganiser(classId);
        return assessment.results(classId);
    }

    @PostMapping("/assessment/review")
    @Operation(summary = "审核考核结果", description = "CONFIRM 确认；CORRECT 按 corrections 更正评分（须填理由），重新计算后再次审核")
    List<AssessmentResult> review(@PathVariable long classId, @RequestBody(required = false) ReviewRequest request) {
        Actor actor = currentUser.get();
        if (request == null || request.decision() == null) {
            throw InvalidInputException.of("decision", "请选择审核结论 CONFIRM 或 CORRECT");
        }
        Task task = taskService.createTaskQuery().processVariableValueEquals(CLASS_ID, classId)
                .taskDefinitionKey(Elements.TASK_REVIEW_RESULTS).taskCandidateUser(actor.userId()).singleResult();
        if (task == null) {
            throw new AccessDeniedException("您当前没有本班的考核结果审核任务");
        }
        String lines = request.corrections() == null ? "" : request.corrections().stream()
                .map(c -> String.join("，", nz(c.cadreNumber()),
                        c.raterKind() == null ? "" : c.raterKind().name() + (c.rater() == null ? "" : ":" + c.rater()),
                        nz(c.item()), c.newPoints() == null ? "" : c.newPoints().toPlainString(), nz(c.reason())))
                .collect(Collectors.joining("\n"));
        taskService.complete(task.getId(), Map.of(REVIEW_DECISION, request.decision().name(), CORRECTIONS, lines));
        return assessment.results(classId);
    }

    private void requireOrganiser(long classId) {
        Actor actor = currentUser.get();
        if (!actor.inAnyGroup(Groups.ORG_DEPT) && !List.of(staff.classTeachers(classId).split(",")).contains(actor.userId())) {
            throw new AccessDeniedException("无权访问：仅本班班主任或组织部");
        }
    }

    private static String render(List<ScoreLine> lines, List<ScoringItem> columns) {
        List<String> codes = columns.stream().map(ScoringItem::code).toList();
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (ScoreLine line : lines) {
            n++;
            Map<String, BigDecimal> points = line == null || line.points() == null ? Map.of() : line.points();
            for (String code : points.keySet()) {
                if (!codes.contains(code)) {
                    throw InvalidInputException.of("scores", "第 " + n + " 条：评分项不存在或不可录入：" + code);
                }
            }
            text.append(line == null ? "" : nz(line.cadreNumber()));
            for (String code : codes) {
                BigDecimal value = points.get(code);
                text.append('，').append(value == null ? "" : value.toPlainString());
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value.replace('\n', ' ');
    }

    record ScoresRequest(RaterKind raterKind, List<ScoreLine> scores, String traineeNumber, SelfEvaluation selfEvaluation) {
    }

    record ReviewRequest(AssessmentProcess.ReviewDecision decision, List<Correction> corrections) {
    }
}
