package cn.ganxun.survey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.survey.SurveyReportService.ArchiveEntry;
import cn.ganxun.survey.SurveySchedules.NewSchedule;
import cn.ganxun.survey.SurveySchedules.Schedule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Needs survey (需求调研, R36–R38): questionnaires, surveys, anonymous answers, response rates, reports, schedules. */
@RestController
@Tag(name = "需求调研", description = "问卷设计（R36）、匿名答卷（R37）、参与率与催办、调研报告与需求档案、半年周期（R38）")
class SurveyController {

    private final QuestionnaireService questionnaires;
    private final SurveyService surveys;
    private final AnonymousAnswers answers;
    private final SurveyReportService reports;
    private final SurveySchedules schedules;
    private final SurveyAccess access;
    private final CurrentUser currentUser;

    SurveyController(QuestionnaireService questionnaires, SurveyService surveys, AnonymousAnswers answers,
            SurveyReportService reports, SurveySchedules schedules, SurveyAccess access, CurrentUser currentUser) {
        this.questionnaires = questionnaires;
        this.surveys = surveys;
        this.answers = answers;
        this.reports = reports;
        this.schedules = schedules;
        this.access = access;
        this.currentUser = currentUser;
    }

    @PostMapping("/api/questionnaires")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "设计调研问卷", description = "组织部干教科；题目分组织、岗位、个人需求（R36），可限定层级和类别（R37）；作答方式单选、多选、文字、1–5分")
    Map<String, Long> createQuestionnaire(@RequestBody(required = false) NewQuestionnaire questionnaire) {
        Actor actor = currentUser.get();
        access.requireDesigner(actor);
        return Map.of("id", questionnaires.create(questionnaire, actor.userId()));
    }

    @GetMapping("/api/questionnaires")
    @Operation(summary = "调研问卷列表", description = "组织部干教科；可选用已有问卷复制后修改")
    List<Questionnaire> questionnaires() {
        access.requireDesigner(currentUser.get());
        return questionnaires.list();
    }

    @PostMapping("/api/questionnaires/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "复制已有问卷", description = "组织部干教科；可给新标题")
    Map<String, Long> copyQuestionnaire(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        Actor actor = currentUser.get();
        access.requireDesigner(actor);
        return Map.of("id", questionnaires.copy(id, body == null ? null : body.get("title"), actor.userId()));
    }

    @PostMapping("/api/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发起需求调研", description = "组织部干教科：问卷、名称、开始与截止日期（含当日）、对象单位代码（含下级单位）；启动 needs-survey 流程")
    Map<String, Long> launch(@RequestBody(required = false) NewSurvey survey) {
        Actor actor = currentUser.get();
        access.requireDesigner(actor);
        return Map.of("id", surveys.launch(survey, actor.userId(), null));
    }

    @GetMapping("/api/surveys")
    @Operation(summary = "需求调研列表", description = "组织部门、领导")
    List<NeedsSurvey> surveys() {
        access.requireSurveyReader(currentUser.get());
        return surveys.list();
    }

    @GetMapping("/api/surveys/{id}/questions")
    @Operation(summary = "我的调研问卷", description = "学员（绑定干部）：按本人层级和类别显示的题目（R37），以及是否已提交")
    MyQuestionnaire myQuestions(@PathVariable long id) {
        long cadreId = access.respondent(currentUser.get());
        NeedsSurvey survey = surveys.find(id);
        return new MyQuestionnaire(survey, surveys.answered(id, cadreId), answers.questionsFor(survey, cadreId));
    }

    record MyQuestionnaire(NeedsSurvey survey, boolean answered, List<Question> questions) {
    }

    @PostMapping("/api/surveys/{id}/answers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提交匿名答卷", description = "学员（绑定干部）；每人一次（R37），截止后不能提交；答卷与本人无关联")
    Map<String, String> answer(@PathVariable long id, @RequestBody(required = false) Answers body) {
        long cadreId = access.respondent(currentUser.get());
        surveys.find(id);
        if (body == null) {
            throw InvalidInputException.of("answers", "请提供答卷 answers");
        }
        answers.submit(id, cadreId, body.answers());
        return Map.of("message", "答卷已匿名提交，感谢参与");
    }

    record Answers(List<NewAnswer> answers) {
    }

    @GetMapping("/api/surveys/{id}/response-rates")
    @Operation(summary = "答卷参与率", description = "组织部门看全部单位；单位组织人事部门只看本单位及下级单位（其他单位 403）；只统计谁已提交，不含答卷内容")
    List<ResponseRate> responseRates(@PathVariable long id) {
        Long scope = access.rateScope(currentUser.get());
        List<ResponseRate> all = surveys.responseRates(id);
        access.requireReached(scope, all.stream().map(ResponseRate::unitId).collect(Collectors.toSet()));
        return scope == null ? all : surveys.responseRates(id, scope);
    }

    @GetMapping("/api/surveys/{id}/report")
    @Operation(summary = "调研报告（在线）", description = "截止后；按单位、层级、类别汇总，不足最小分组人数的不显示（R37、R38）")
    SurveyReport report(@PathVariable long id) {
        access.requireReportReader(currentUser.get());
        return reports.report(id);
    }

    @GetMapping("/api/surveys/{id}/report/pdf")
    @Operation(summary = "调研报告 PDF", description = "需求档案中的定稿（R38）")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        access.requireReportReader(currentUser.get());
        surveys.find(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("需求调研报告-NS" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(reports.archivedPdf(id));
    }

    @GetMapping("/api/needs-archive")
    @Operation(summary = "需求档案", description = "每次调研的报告（R38）")
    List<ArchiveEntry> archive() {
        access.requireReportReader(currentUser.get());
        return reports.archive();
    }

    @PostMapping("/api/survey-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "安排周期调研", description = "组织部干教科；默认每6个月（R38）从问卷发起一次，开放 open-days 天")
    Map<String, Long> schedule(@RequestBody(required = false) NewSchedule schedule) {
        Actor actor = currentUser.get();
        access.requireDesigner(actor);
        return Map.of("id", schedules.create(schedule, actor.userId()));
    }

    @GetMapping("/api/survey-schedules")
    @Operation(summary = "周期调研安排", description = "组织部干教科")
    List<Schedule> schedules() {
        access.requireDesigner(currentUser.get());
        return schedules.list();
    }
}
