package cn.ganxun.followup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A class's follow-up: its plan (R24), seminars and learning summaries (R26), half-year reports (R28), evaluations (R29). */
@RestController
@Tag(name = "训后跟踪问效", description = "跟踪期限（R24）、座谈会与学习心得（R26）、半年反馈报告（R28）、总体评价（R29）")
class FollowUpController {

    private final FollowUpService followUps;
    private final HalfYearReportService reports;
    private final FollowUpAccess access;
    private final CurrentUser currentUser;

    FollowUpController(FollowUpService followUps, HalfYearReportService reports, FollowUpAccess access,
            CurrentUser currentUser) {
        this.followUps = followUps;
        this.reports = reports;
        this.access = access;
        this.currentUser = currentUser;
    }

    @PutMapping("/api/classes/{classId}/follow-up-plan")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "设置训后跟踪期限", description = "组织部门；常规班次1年，试点（PILOT）、重点（KEY）班次1–3年（R24）；跟踪开始后不能修改")
    void plan(@PathVariable long classId, @RequestBody(required = false) Plan plan) {
        access.requirePlanner(currentUser.get());
        if (plan == null) {
            throw InvalidInputException.rule("R24", "kind", "请提供班次类别 kind 和跟踪年限 years");
        }
        followUps.plan(classId, plan.kind(), plan.years());
    }

    @GetMapping("/api/classes/{classId}/follow-up")
    @Operation(summary = "班次的训后跟踪", description = "跟踪期限与各项截止日期、座谈会、学习心得（含未交名单）、半年反馈报告、期满后的总体评价")
    Overview overview(@PathVariable long classId) {
        access.requireClassReader(currentUser.get(), classId);
        FollowUp followUp = followUps.ofClass(classId);
        if (followUp == null) {
            throw new NotFoundException("本班训后跟踪尚未开始：" + classId);
        }
        return new Overview(followUp, followUps.seminars(followUp.id()), followUps.summaries(followUp.id()),
                reports.reports(followUp.id()), followUps.evaluations(followUp.id()));
    }

    @PostMapping("/api/follow-ups/{followUpId}/seminars")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记训后座谈会", description = "本班承办机构或组织部门；日期不早于结业日、不晚于今天（R26）")
    Map<String, Long> recordSeminar(@PathVariable long followUpId, @RequestBody(required = false) NewSeminar seminar) {
        Actor actor = currentUser.get();
        access.requireSeminarRecorder(actor, followUpId);
        return Map.of("id", followUps.recordSeminar(followUpId, seminar, actor.userId()));
    }

    @GetMapping("/api/follow-ups/reports/{reportId}/pdf")
    @Operation(summary = "下载半年反馈报告 PDF", description = "已发布的为定稿；草稿按当前数据生成（R28）")
    ResponseEntity<byte[]> reportPdf(@PathVariable long reportId) {
        access.requireReportReader(currentUser.get(), reportId);
        HalfYearReport report = reports.report(reportId);
        FollowUp followUp = followUps.find(report.followUpId());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(HalfYearReportPdf.TITLE + "-" + followUp.classNumber() + "-第" + report.periodNo() + "期.pdf",
                                StandardCharsets.UTF_8)
                        .build().toString())
                .body(reports.pdf(reportId));
    }

    record Plan(FollowUpKind kind, Integer years) {
    }

    record Overview(FollowUp followUp, List<Seminar> seminars, List<LearningSummary> summaries,
            List<HalfYearReport> reports, List<FollowUpEvaluation> evaluations) {
    }
}
