package cn.ganxun.followup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sample for unit visits (R27), the visits, their interviews with indicator scores (R29) and attachments. */
@RestController
@RequestMapping("/api/follow-ups")
@Tag(name = "训后走访", description = "随机抽样（R27）、单位走访与访谈、分来源评价指标（R29）、走访附件")
class VisitController {

    private final SampleDrawService samples;
    private final UnitVisitService visits;
    private final IndicatorCatalog catalog;
    private final FollowUpAccess access;
    private final CurrentUser currentUser;
    private final FollowUpService followUps;
    private final TaskService taskService;

    VisitController(SampleDrawService samples, UnitVisitService visits, IndicatorCatalog catalog, FollowUpAccess access,
            CurrentUser currentUser, FollowUpService followUps, TaskService taskService) {
        this.samples = samples;
        this.visits = visits;
        this.catalog = catalog;
        this.access = access;
        this.currentUser = currentUser;
        this.followUps = followUps;
        this.taskService = taskService;
    }

    @GetMapping("/{followUpId}/sample")
    @Operation(summary = "查看抽样", description = "当前抽样、全部抽样记录（含重新抽样理由）；reproduces：按存储的种子与名单重算每次抽样均得到相同结果")
    SampleOverview sample(@PathVariable long followUpId) {
        access.requireReader(currentUser.get(), followUpId);
        List<SampleDraw> history = samples.history(followUpId);
        return new SampleOverview(history.isEmpty() ? null : history.get(history.size() - 1), history,
                history.stream().allMatch(draw -> samples.reproduces(draw.id())));
    }

    @PostMapping("/{followUpId}/sample/redraw")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "重新抽样", description = "跟踪问效小组组长；须说明理由，原抽样记录保留；抽样确认后不可重新抽样；“审核抽样名单”任务办理中时在任务中重新抽样（R27）")
    SampleDraw redraw(@PathVariable long followUpId, @RequestBody(required = false) Redraw request) {
        Actor actor = currentUser.get();
        access.requireReader(actor, followUpId);
        access.requireLead(actor);
        followUps.processInstanceId(followUpId).filter(pi -> taskService.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(FollowUpProcess.Elements.TASK_REVIEW_SAMPLE).count() > 0).ifPresent(pi -> {
                    throw InvalidInputException.rule("R27", "followUpId", "抽样名单正在审核中，请在“审核抽样名单”任务中重新抽样");
                });
        return samples.redraw(followUpId, request == null ? null : request.reason(), actor.userId());
    }

    @GetMapping("/{followUpId}/visits")
    @Operation(summary = "走访清单", description = "每名抽中学员一次单位走访，按抽样顺序")
    List<UnitVisit> visits(@PathVariable long followUpId) {
        access.requireReader(currentUser.get(), followUpId);
        return visits.visits(followUpId);
    }

    @GetMapping("/visits/{visitId}")
    @Operation(summary = "走访详情", description = "走访、访谈记录及分来源评分、该学员层级的评价指标（R29）、附件清单")
    VisitDetails visit(@PathVariable long visitId) {
        UnitVisit visit = readable(visitId);
        return new VisitDetails(visit, visits.interviews(visitId), catalog.forLevel(visit.traineeLevel()),
                visits.attachments(visitId));
    }

    @PostMapping("/visits/{visitId}/interviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记访谈", description = "日期（不早于结业、不晚于今天）、方式、访谈对象、发现；指标得分按来源（自评、同事、单位领导、群众）")
    Map<String, Long> logInterview(@PathVariable long visitId, @RequestBody(required = false) NewInterview interview) {
        Actor actor = writable(visitId);
        return Map.of("id", visits.logInterview(visitId, interview, actor.userId()));
    }

    @PostMapping("/visits/{visitId}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "上传走访附件", description = "multipart 字段 file；仅 PDF、JPEG、PNG，按文件内容核验，大小受 ganxun.follow-up.attachment-max-bytes 限制")
    VisitAttachment attach(@PathVariable long visitId, @RequestParam(name = "file", required = false) MultipartFile file) {
        Actor actor = writable(visitId);
        if (file == null) {
            throw InvalidInputException.of("file", "请选择要上传的附件（字段 file）");
        }
        try {
            return visits.attach(visitId, file.getOriginalFilename(), file.getContentType(), file.getBytes(), actor.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/visits/{visitId}/attachments/{attachmentId}")
    @Operation(summary = "下载走访附件")
    ResponseEntity<byte[]> download(@PathVariable long visitId, @PathVariable long attachmentId) {
        readable(visitId);
        AttachmentContent file = visits.download(attachmentId);
        if (file.visitId() != visitId) {
            throw new NotFoundException("附件不存在：" + attachmentId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    private UnitVisit readable(long visitId) {
        access.requireVisitReader(currentUser.get(), visitId);
        return visits.visit(visitId);
    }

    private Actor writable(long visitId) {
        Actor actor = currentUser.get();
        access.requireTeam(actor);
        visits.visit(visitId);
        return actor;
    }

    record Redraw(String reason) {
    }

    /** @param reproduces every draw re-run from its stored seed and population gives its stored sample */
    record SampleOverview(SampleDraw current, List<SampleDraw> history, boolean reproduces) {
    }

    record VisitDetails(UnitVisit visit, List<Interview> interviews, List<Indicator> indicators,
            List<VisitAttachment> attachments) {
    }
}
