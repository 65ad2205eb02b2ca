package cn.ganxun.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ganxun.certificates.CertificateService;
import cn.ganxun.credits.CreditService;
import cn.ganxun.feedback.UnitFeedbackProcess.Elements;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.CompletionFixtures;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * unit-feedback (结果反馈, R30) with the engine and GreenMail: one report per employer unit, delivered once to the unit's
 * principal leader and the org department; SMTP outages retried with back-off, incidents when the retries are spent,
 * the manual retry, and no second copy whatever is retried or rolled back.
 */
@GanxunTest
@AlsoOnPostgres
class UnitFeedbackProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired UnitFeedbackService feedback;
    @Autowired FeedbackDeliveries deliveries;
    @Autowired CertificateService certificates;
    @Autowired CreditService credits;
    @Autowired TrainingFixtures fixtures;
    @Autowired CompletionFixtures completion;
    @Autowired TestDirectory directory;
    @Autowired Directory emails;
    @Autowired Mailbox mailbox;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcClient jdbc;

    FeedbackClass k;
    Actor org;
    int smtpPort;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        ClockUtil.reset();
        smtpPort = mailSender.getPort();
        directory.user("feedback-org", Groups.ORG_DEPT);
        org = new Actor("feedback-org", List.of(Groups.ORG_DEPT), null, null, null);
        k = new FeedbackClass(fixtures, completion, certificates, credits, jdbc);
    }

    @AfterEach
    void restore() {
        mailSender.setPort(smtpPort);
        ClockUtil.reset();
    }

    @Test
    void r30_resultsGoToEachUnitLeaderAndOrgDepartmentOnce() throws Exception {
        ProcessInstance pi = requestAndPrepare(FeedbackOccasion.RESULTS);
        assertThat(pi.getBusinessKey()).isEqualTo(k.classNumber);
        List<Long> reports = reportIds(FeedbackOccasion.RESULTS);
        assertThat(reports).hasSize(2);
        assertThat(jdbc.sql("SELECT trainee_count FROM feedback_report WHERE class_id = ? ORDER BY unit_id")
                .param(k.classId).query(Integer.class).list()).containsExactly(2, 1);
        assertThat(deliveryJobs(pi)).hasSize(2);

        deliveryJobs(pi).forEach(job -> managementService.executeJob(job.getId()));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed(Elements.TASK_DELIVER_REPORT, Elements.END_FEEDBACK_DELIVERED);
        assertThat(mailsTo(k.leaderA)).hasSize(1);
        assertThat(mailsTo(k.leaderB)).hasSize(1);
        assertThat(mailsTo(k.leaderA).get(0).getSubject()).contains(k.unitAName);
        List<String> orgDept = emails.emailsOfGroup(Groups.ORG_DEPT);
        assertThat(orgDept).contains(directory.email("feedback-org"));
        for (String address : orgDept) {
            assertThat(mailsTo(address)).as(address).hasSize(2);
        }

        feedback.deliver(reports.get(0));
        feedback.deliver(reports.get(1));
        assertThat(mailsTo(k.leaderA)).hasSize(1);
        assertThat(mailsTo(directory.email("feedback-org"))).hasSize(2);

        List<Delivery> list = deliveries.list(org, k.classId, null);
        assertThat(list).hasSize(2 * (1 + orgDept.size()))
                .allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo("SENT");
                    assertThat(d.attempts()).isEqualTo(1);
                    assertThat(d.sentAt()).isNotNull();
                    assertThat(d.jobId()).isNull();
                });
        assertThat(list).filteredOn(d -> "UNIT_LEADER".equals(d.recipientRole()))
                .extracting(Delivery::recipient, Delivery::recipientRoleLabel, Delivery::unitName)
                .containsExactlyInAnyOrder(tuple(k.leaderA, "单位主要负责人", k.unitAName),
                        tuple(k.leaderB, "单位主要负责人", k.unitBName));
        assertThat(list).filteredOn(d -> "ORG_DEPT".equals(d.recipientRole())).extracting(Delivery::recipientRoleLabel)
                .containsOnly("组织部");
    }

    @Test
    void r30_secondRequestStartsNothing() {
        feedback.request(k.classId, FeedbackOccasion.RESULTS);
        feedback.request(k.classId, FeedbackOccasion.RESULTS);
        assertThat(instances()).isEqualTo(1);
        ProcessInstance pi = instance();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        deliveryJobs(pi).forEach(job -> managementService.executeJob(job.getId()));
        BpmnAwareTests.assertThat(pi).isEnded();

        feedback.request(k.classId, FeedbackOccasion.RESULTS);
        assertThat(instances()).isEqualTo(1);
        assertThat(reportIds(FeedbackOccasion.RESULTS)).hasSize(2);

        // the other occasion is a request of its own
        feedback.request(k.classId, FeedbackOccasion.FOLLOW_UP);
        assertThat(instances()).isEqualTo(2);
    }

    @Test
    void smtpDownThenUp_deliveredExactlyOnceAfterRetries() throws Exception {
        Date t0 = new Date(ClockUtil.getCurrentTime().getTime() / 1000 * 1000);
        ClockUtil.setCurrentTime(t0);
        ProcessInstance pi = requestAndPrepare(FeedbackOccasion.RESULTS);
        Job job = jobOfReport(pi, reportIds(FeedbackOccasion.RESULTS).get(0));
        mailSender.setPort(Mailbox.closedPort());

        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("邮件发送失败");
        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(5);
        assertThat(failed.getDuedate()).isEqualTo(new Date(t0.getTime() + 60_000));
        assertThat(failed.getExceptionMessage()).contains(k.leaderA);
        List<Delivery> list = deliveries.list(org, k.classId, "FAILED");
        assertThat(list).isNotEmpty().allSatisfy(d -> {
            assertThat(d.unitName()).isEqualTo(k.unitAName);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).isNotBlank();
            assertThat(d.lastAttemptAt()).isNotNull();
            assertThat(d.retriesLeft()).isEqualTo(5);
            assertThat(d.jobError()).contains("邮件发送失败");
            assertThat(d.incidentId()).isNull();
        });
        assertThat(list).extracting(Delivery::recipient).contains(k.leaderA, directory.email("feedback-org"));

        ClockUtil.setCurrentTime(new Date(t0.getTime() + 61_000));
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("邮件发送失败");
        failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(failed.getDuedate()).isEqualTo(new Date(t0.getTime() + 61_000 + 5 * 60_000));
        assertThat(mailsTo(k.leaderA)).isEmpty();

        mailSender.setPort(smtpPort);
        ClockUtil.setCurrentTime(new Date(t0.getTime() + 7 * 60_000));
        managementService.executeJob(job.getId());
        assertThat(mailsTo(k.leaderA)).hasSize(1);
        assertThat(mailsTo(directory.email("feedback-org"))).hasSize(1);
        assertThat(deliveries.list(org, k.classId, null)).filteredOn(d -> d.unitId() == k.unitA)
                .allSatisfy(d -> {
                    assertThat(d.status()).isEqualTo("SENT");
                    assertThat(d.attempts()).isEqualTo(3);
                });
        assertThat(deliveries.list(org, k.classId, "FAILED")).isEmpty();
    }

    @Test
    void retriesExhausted_incidentAndRetryDelivers() throws Exception {
        ProcessInstance pi = requestAndPrepare(FeedbackOccasion.RESULTS);
        long report = reportIds(FeedbackOccasion.RESULTS).get(1);
        Job job = jobOfReport(pi, report);
        mailSender.setPort(Mailbox.closedPort());
        assertThatThrownBy(() -> deliveries.retry(org, report)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("仍在自动重试");

        int attempts = 0;
        while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0 && attempts < 10) {
            Job current = managementService.createJobQuery().jobId(job.getId()).singleResult();
            if (current.getDuedate() != null) {
                ClockUtil.setCurrentTime(new Date(current.getDuedate().getTime() + 1000));
            }
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("邮件发送失败");
            attempts++;
        }
        assertThat(attempts).isEqualTo(6);
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getConfiguration()).isEqualTo(job.getId());
        assertThat(deliveries.list(org, k.classId, "FAILED")).isNotEmpty().allSatisfy(d -> {
            assertThat(d.reportId()).isEqualTo(report);
            assertThat(d.incidentId()).isEqualTo(incident.getId());
            assertThat(d.retriesLeft()).isZero();
            assertThat(d.attempts()).isEqualTo(6);
        });

        mailSender.setPort(smtpPort);
        assertThat(deliveries.retry(org, report)).isEqualTo(job.getId());
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        managementService.executeJob(job.getId());
        assertThat(mailsTo(k.leaderB)).hasSize(1);
        assertThat(mailsTo(directory.email("feedback-org"))).hasSize(1);
        assertThatThrownBy(() -> deliveries.retry(org, report)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("没有待重试的发送任务");
        assertThatThrownBy(() -> deliveries.retry(new Actor("someone", List.of(Groups.MANAGER), null, null, null), report))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void crashAfterSendBeforeCommit_noSecondCopy() throws Exception {
        long report = feedback.prepareReports(k.classId, FeedbackOccasion.RESULTS, null).get(0);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.executeWithoutResult(status -> {
            feedback.deliver(report);
            status.setRollbackOnly();
        });
        assertThat(mailsTo(k.leaderA)).hasSize(1);

        feedback.deliver(report);
        assertThat(mailsTo(k.leaderA)).hasSize(1);
        assertThat(mailsTo(directory.email("feedback-org"))).hasSize(1);
        assertThat(jdbc.sql("SELECT status FROM mail_outbox WHERE message_key = ?").param("unit-feedback:" + report)
                .query(String.class).list()).isNotEmpty().containsOnly("SENT");
    }

    @Test
    void chineseSubjectAndPdfAttachmentIntact() throws Exception {
        long report = feedback.prepareReports(k.classId, FeedbackOccasion.RESULTS, null).get(0);
        feedback.deliver(report);
        MimeMessage mail = mailsTo(k.leaderA).get(0);

        assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(mail.getSubject()).isEqualTo("【培训结果反馈报告·结业反馈】" + k.classTitle + "（" + k.unitAName + "）");
        List<Part> attachments = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        collectParts(mail, attachments, texts);
        assertThat(texts).hasSize(1);
        String text = texts.get(0);
        assertThat(text).contains(k.unitAName, k.classTitle, "R30");
        assertThat(attachments).hasSize(1);
        Part pdf = attachments.get(0);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        assertThat(MimeUtility.decodeText(pdf.getFileName()))
                .isEqualTo("培训结果反馈报告-" + k.classNumber + "-" + k.unitAName + ".pdf");
        String pdfText = pdfText(pdf);
        assertThat(pdfText).contains("培训结果反馈报告", k.unitAName, "赵局长", k.classNumber, "结业反馈", "张伟民", "李晓红",
                "优秀", "不合格", k.zhangCertificate, "未颁发", "100.0%", "80.0%", "25")
                .doesNotContain("王建国", k.wangCertificate, "跟踪评价");
    }

    @Test
    void r30_followUpOccasionIncludesFollowUpFindings() throws Exception {
        k.followUpEvaluated(jdbc);
        ProcessInstance pi = requestAndPrepare(FeedbackOccasion.FOLLOW_UP);
        deliveryJobs(pi).forEach(job -> managementService.executeJob(job.getId()));
        BpmnAwareTests.assertThat(pi).isEnded();

        MimeMessage mail = mailsTo(k.leaderA).get(0);
        assertThat(mail.getSubject()).contains("跟踪问效反馈");
        List<Part> attachments = new ArrayList<>();
        collectParts(mail, attachments, new ArrayList<>());
        Part pdf = attachments.get(0);
        assertThat(pdfText(pdf)).contains("跟踪问效反馈", "跟踪评价", "训后跟踪问效评价", "88.8", "决策部署落实有力",
                "群众满意度明显提升", "未走访");
        assertThat(reportIds(FeedbackOccasion.RESULTS)).isEmpty();
        assertThat(reportIds(FeedbackOccasion.FOLLOW_UP)).hasSize(2);
    }

    @Test
    void r30_aUnitWithoutLeaderEmailIsAnIncidentNotSilence() throws Exception {
        jdbc.sql("UPDATE unit SET leader_email = NULL WHERE id = ?").param(k.unitB).update();
        long report = feedback.prepareReports(k.classId, FeedbackOccasion.RESULTS, null).get(1);
        assertThatThrownBy(() -> feedback.deliver(report)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("单位「" + k.unitBName + "」").hasMessageContaining("未登记主要负责人电子邮箱");
        assertThat(mailsTo(directory.email("feedback-org"))).isEmpty();
    }

    private ProcessInstance requestAndPrepare(FeedbackOccasion occasion) {
        feedback.request(k.classId, occasion);
        ProcessInstance pi = instance();
        Job prepare = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(prepare.getRetries()).isEqualTo(5);
        managementService.executeJob(prepare.getId());
        return pi;
    }

    private ProcessInstance instance() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(UnitFeedbackProcess.KEY)
                .processInstanceBusinessKey(k.classNumber).singleResult();
    }

    private long instances() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(UnitFeedbackProcess.KEY)
                .processInstanceBusinessKey(k.classNumber).count();
    }

    private List<Job> deliveryJobs(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(Elements.TASK_DELIVER_REPORT)
                .list();
    }

    private Job jobOfReport(ProcessInstance pi, long reportId) {
        for (Job job : deliveryJobs(pi)) {
            Object id = runtimeService.getVariableLocal(job.getExecutionId(), UnitFeedbackProcess.Vars.REPORT_ID);
            if (((Number) id).longValue() == reportId) {
                return job;
            }
        }
        throw new AssertionError("no delivery job for report " + reportId);
    }

    private List<Long> reportIds(FeedbackOccasion occasion) {
        return jdbc.sql("SELECT id FROM feedback_report WHERE class_id = ? AND occasion = ? ORDER BY unit_id")
                .params(k.classId, occasion.name()).query(Long.class).list();
    }

    /** Mails of this class to the address (GreenMail is shared by the test classes of one context). */
    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : mailbox.to(address)) {
            if (message.getSubject().contains(k.classTitle)) {
                mine.add(message);
            }
        }
        return mine;
    }

    /** The attachments and the text parts of a (nested) multipart message. */
    static void collectParts(Part part, List<Part> attachments, List<String> texts) throws Exception {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part);
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectParts(multipart.getBodyPart(i), attachments, texts);
            }
        } else if (part.isMimeType("text/plain")) {
            texts.add((String) part.getContent());
        }
    }

    static String pdfText(Part pdf) throws Exception {
        try (InputStream in = pdf.getInputStream(); PDDocument document = Loader.loadPDF(in.readAllBytes())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
