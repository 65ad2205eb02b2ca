package cn.ganxun.feedback;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Unit feedback (R30) for the org department: the delivery list, the report PDFs and the retry of a failed delivery. */
@RestController
@RequestMapping("/api/feedback")
@Tag(name = "结果反馈", description = "培训结果反馈单位主要负责人和组织部门（R30）：送达情况、报告下载、失败重发")
class FeedbackController {

    private final UnitFeedbackService feedback;
    private final FeedbackDeliveries deliveries;
    private final CurrentUser currentUser;

    FeedbackController(UnitFeedbackService feedback, FeedbackDeliveries deliveries, CurrentUser currentUser) {
        this.feedback = feedback;
        this.deliveries = deliveries;
        this.currentUser = currentUser;
    }

    @GetMapping("/deliveries")
    @Operation(summary = "结果反馈送达情况", description = "每份报告、每个收件人一行：状态（PENDING 待发送、SENT 已送达、FAILED 发送失败）、"
            + "尝试次数、最近错误、送达时间、发送任务剩余重试次数与故障（incident）编号。组织部门、管理者；单位组织人事部门仅本单位")
    List<Delivery> deliveries(@RequestParam(required = false) Long classId, @RequestParam(required = false) String status) {
        return deliveries.list(currentUser.get(), classId, status);
    }

    @GetMapping(value = "/reports/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "下载结果反馈报告 PDF", description = "组织部门、管理者；单位组织人事部门仅本单位的报告")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Actor actor = currentUser.get();
        FeedbackReport report = feedback.report(id);
        feedback.requireReader(actor, report);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(UnitFeedbackService.fileName(report), StandardCharsets.UTF_8).build().toString())
                .body(feedback.pdf(id));
    }

    @PostMapping("/reports/{id}/retry")
    @Operation(summary = "重新发送失败的结果反馈", description = "组织部门：为重试次数已用尽（故障）的发送任务重新安排一次发送；"
            + "已送达的收件人不会重复收到")
    Map<String, Object> retry(@PathVariable long id) {
        return Map.of("reportId", id, "jobId", deliveries.retry(currentUser.get(), id));
    }
}
