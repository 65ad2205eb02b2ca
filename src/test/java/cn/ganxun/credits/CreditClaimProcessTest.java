package cn.ganxun.credits;

import static cn.ganxun.credits.CreditClaimProcess.Elements.*;
import static cn.ganxun.credits.CreditClaimProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.EngineSteps;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.Mailbox;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/** Every path of credit-claim (奖励学分申请, R22), claimed as the trainee over the API would, with the engine and GreenMail. */
@GanxunTest
@AlsoOnPostgres
class CreditClaimProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired EngineSteps steps;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired RewardClaims claims;
    @Autowired CreditService credits;
    @Autowired CurrentUser currentUser;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Mailbox mailbox;

    long cadreId;
    String trainee;
    String hr;
    String hrGroup;
    int year = EngineClock.today().getYear();

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(engine);
        long unitId = fixtures.unit("奖励学分局");
        String code = jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
        cadreId = fixtures.cadre(unitId, Rank.STAFF);
        trainee = directory.user("claim-trainee-" + cadreId, Groups.TRAINEE);
        directory.bindToCadre(trainee, cadreId);
        hrGroup = Groups.unitHr(code);
        hr = directory.user("claim-hr-" + code.toLowerCase(), Groups.UNIT_HR, hrGroup);
        directory.bindToUnit(hr, unitId);
        mailbox.clear();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void r22_an_approved_claim_posts_its_dmn_credits_to_the_ledger_once() throws Exception {
        RewardClaim claim = claim(new NewRewardClaim(RewardKind.BOOK, RewardRole.CO_AUTHOR, "基层治理案例选编", year,
                "人民出版社 ISBN 978-7-01-000000-0"));
        assertThat(claim.status()).isEqualTo(RewardClaim.PENDING);
        assertThat(claim.credits()).isEqualByComparingTo("5");
        ProcessInstance instance = instance(claim);
        assertThat(instance.getBusinessKey()).isEqualTo(cadreNumber());
        BpmnAwareTests.assertThat(instance).hasPassed(TASK_DETERMINE_REWARD_CREDITS, TASK_SAVE_REWARD_CLAIM)
                .isWaitingAt(TASK_REVIEW_REWARD_CLAIM);
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(REWARD_TITLE, EVIDENCE);
        Task review = task(instance);
        assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup(hrGroup).count()).isOne();
        assertThat(review.getDueDate()).isEqualTo(EngineClock.toDate(EngineClock.today().plusDays(10).atTime(18, 0)));
        assertThat((String) taskService.getVariable(review.getId(), CLAIM_INFO))
                .contains("基层治理案例选编", "著作（合著/合作发表）", "5 学分", "ISBN 978-7-01-000000-0");
        assertThat(deployedForm(review)).contains("\"id\": \"credit-claim-review\"", "\"key\": \"claimDecision\"");

        assertThatThrownBy(() -> complete(review, Map.of()))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasRootCauseMessage("请选择是否认定奖励学分");
        complete(review, Map.of(CLAIM_DECISION, "APPROVE"));
        BpmnAwareTests.assertThat(instance).isWaitingAt(TASK_POST_REWARD_CREDITS);
        executeAsync(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_REWARD_CREDITS_POSTED).hasNotPassed(END_CLAIM_REFUSED);
        RewardClaim approved = claims.find(claim.id());
        assertThat(approved.status()).isEqualTo(RewardClaim.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(hr);
        CreditEntry entry = claims.postCredits(claim.id()); // a retried posting
        assertThat(credits.ledger(cadreId, year).entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(entry.id());
            assertThat(e.source()).isEqualTo(CreditEntry.REWARD);
            assertThat(e.sourceRef()).isEqualTo(String.valueOf(claim.id()));
            assertThat(e.credits()).isEqualByComparingTo("5");
            assertThat(e.reason()).contains("基层治理案例选编", hr);
        });
    }

    @Test
    void r22_a_refusal_needs_a_reason_and_posts_nothing() {
        RewardClaim claim = claim(new NewRewardClaim(RewardKind.AWARD, RewardRole.SECOND, "全省调研成果奖", year,
                "省委组织部 证书编号 2026-018"));
        assertThat(claim.credits()).isEqualByComparingTo("4");
        ProcessInstance instance = instance(claim);
        Task review = task(instance);

        assertThatThrownBy(() -> complete(review, Map.of(CLAIM_DECISION, "REFUSE", CLAIM_DECISION_REASON, " ")))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasRootCauseMessage("不予认定须填写理由");
        complete(review, Map.of(CLAIM_DECISION, "REFUSE", CLAIM_DECISION_REASON, "证书编号无法核实"));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_CLAIM_REFUSED).hasNotPassed(TASK_POST_REWARD_CREDITS);
        RewardClaim refused = claims.find(claim.id());
        assertThat(refused.status()).isEqualTo(RewardClaim.REFUSED);
        assertThat(refused.decisionReason()).isEqualTo("证书编号无法核实");
        assertThat(credits.ledger(cadreId, year).entries()).isEmpty();
        Actor own = currentUser.of(trainee);
        assertThat(claims.claimsOf(cadreId, own)).extracting(RewardClaim::status).containsExactly(RewardClaim.REFUSED);
        // refused: the same work may be claimed again with better evidence
        assertThat(claim(new NewRewardClaim(RewardKind.AWARD, RewardRole.SECOND, "全省调研成果奖", year,
                "省委组织部 证书编号 2026-018，附发文 组通字〔2026〕5号")).status()).isEqualTo(RewardClaim.PENDING);
    }

    @Test
    void an_overdue_review_reminds_the_unit_hr_once_and_stays_open() throws Exception {
        RewardClaim claim = claim(new NewRewardClaim(RewardKind.ARTICLE, RewardRole.SOLE, "关于干部教育的思考", year,
                "《党建研究》2026年第3期"));
        ProcessInstance instance = instance(claim);
        ClockUtil.setCurrentTime(EngineClock.toDate(LocalDateTime.now().plusDays(11)));
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        managementService.executeJob(timer.getId());
        executeAsync(instance);

        BpmnAwareTests.assertThat(instance).hasPassed(TASK_REMIND_REVIEWERS, END_REVIEWERS_REMINDED)
                .isWaitingAt(TASK_REVIEW_REWARD_CLAIM);
        assertThat(mailbox.subjectsTo(directory.email(hr))).containsExactly("【奖励学分申请待审核】关于干部教育的思考");
        assertThat(claims.remindReviewers(claim.id(), hrGroup)).isZero(); // a retried job sends nothing twice
        complete(task(instance), Map.of(CLAIM_DECISION, "APPROVE"));
        executeAsync(instance);
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed(END_REWARD_CREDITS_POSTED);
        assertThat(credits.ledger(cadreId, year).totalCredits()).isEqualByComparingTo("5");
    }

    @Test
    void r22_a_reward_claim_without_evidence_is_refused_naming_the_rule_and_starts_nothing() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(CreditClaimProcess.KEY).count();
        assertThatThrownBy(() -> claim(new NewRewardClaim(RewardKind.BOOK, RewardRole.SOLE, "专著", year, "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactly("evidence"))
                .hasMessageStartingWith("R22：").hasMessageContaining("须提供证明材料");
        assertThatThrownBy(() -> claim(new NewRewardClaim(null, null, null, year + 1, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field)
                        .containsExactly("kind", "role", "title", "year", "evidence"));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CreditClaimProcess.KEY).count())
                .isEqualTo(before);
        assertThat(claims()).isZero();
    }

    @Test
    void r22_a_combination_the_dmn_table_does_not_credit_rolls_the_claim_back() {
        assertThatThrownBy(() -> claim(new NewRewardClaim(RewardKind.BOOK, RewardRole.FIRST, "专著", year, "出版社")))
                .satisfies(e -> assertThat(invalidInput(e)).hasMessage("R22：著作不按「一等奖」计奖励学分：著作分独著、合著、参编，文章分独立发表、合作发表，获奖分一等奖、二等奖、三等奖、优秀奖"));
        assertThat(claims()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cadreNumber()).count()).isZero();
    }

    @Test
    void only_the_cadre_claims_and_only_their_unit_hr_decide() {
        Actor org = new Actor("claim-org", List.of(Groups.ORG_DEPT), null, null, null);
        assertThatThrownBy(() -> claims.claim(new NewRewardClaim(RewardKind.BOOK, RewardRole.SOLE, "专著", year, "出版社"), org))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class)
                .hasMessageContaining("由干部本人申请");
        RewardClaim claim = claim(new NewRewardClaim(RewardKind.BOOK, RewardRole.SOLE, "专著", year, "出版社 书号"));
        Actor otherHr = new Actor("claim-other-hr", List.of(Groups.UNIT_HR), fixtures.unit("别的奖励局"), null, null);
        assertThatThrownBy(() -> claims.decide(claim.id(), cadreNumber(), CreditClaimProcess.Decision.APPROVE, null, otherHr))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> claim(new NewRewardClaim(RewardKind.BOOK, RewardRole.CO_AUTHOR, "专著", year, "出版社")))
                .isInstanceOf(InvalidInputException.class).hasMessage("已申请过该著作的奖励学分：专著");
        // started directly (engine REST) by another trainee for this cadre: refused, nothing stored
        String stranger = directory.user("claim-stranger-" + cadreId, Groups.TRAINEE);
        identityService.setAuthentication(stranger, List.of(Groups.TRAINEE));
        try {
            assertThatThrownBy(() -> runtimeService.createProcessInstanceByKey(CreditClaimProcess.KEY)
                    .setVariables(Map.of(CADRE_ID, cadreId, REWARD_KIND, "BOOK", REWARD_ROLE, "SOLE", REWARD_TITLE, "冒名专著",
                            CREDIT_YEAR, year, EVIDENCE, "出版社 书号"))
                    .execute()).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        } finally {
            identityService.clearAuthentication();
        }
        // the claim is made over the API with its checks; Tasklist offers no start of its own
        identityService.setAuthentication(trainee, List.of(Groups.TRAINEE));
        try {
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().startablePermissionCheck()
                    .startableInTasklist().list()).extracting(d -> d.getKey()).doesNotContain(CreditClaimProcess.KEY);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private RewardClaim claim(NewRewardClaim claim) {
        identityService.setAuthentication(trainee, List.of(Groups.TRAINEE));
        try {
            return claims.claim(claim, currentUser.of(trainee));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ProcessInstance instance(RewardClaim claim) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CreditClaimProcess.KEY)
                .variableValueEquals(CLAIM_ID, claim.id()).singleResult();
    }

    private void complete(Task task, Map<String, Object> variables) {
        steps.complete(task, hr, variables);
    }

    private String deployedForm(Task task) throws Exception {
        try (var form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void executeAsync(ProcessInstance instance) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).messages().list()) {
            managementService.executeJob(job.getId());
        }
    }

    /** The refusal, however the engine wrapped it. */
    private static Throwable invalidInput(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException) {
                return cause;
            }
        }
        throw new AssertionError("no InvalidInputException in " + thrown, thrown);
    }

    private long claims() {
        return jdbc.sql("SELECT COUNT(*) FROM reward_claim WHERE cadre_id = ?").param(cadreId).query(Long.class).single();
    }

    private String cadreNumber() {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id = ?").param(cadreId).query(String.class).single();
    }
}
