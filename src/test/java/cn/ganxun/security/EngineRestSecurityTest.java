package cn.ganxun.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.ganxun.security.Http.Reply;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * The engine REST API over real HTTP: authentication by Camunda's filter, then the authorization matrix. Uses a
 * test-only "class-filing" model (start form, one user task for candidate group approver with a Camunda Form),
 * deployed here and deleted afterwards.
 */
@GanxunTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AlsoOnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestSecurityTest {

    private static final String FORM_ID = "security-probe-form";
    private static final String FORM = """
            {"schemaVersion": 16, "type": "default", "id": "%s",
             "components": [{"type": "textfield", "key": "remark", "label": "备注"}]}
            """.formatted(FORM_ID);

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityProvisioning provisioning;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    Http http;
    String rest;
    String deploymentId;
    String definitionId;
    String approverTaskId;

    @BeforeAll
    void deployProbeAndCreateUsers() {
        http = Http.stateless(port);
        // tests get a unique engine name, so address it explicitly (production: /engine-rest/task = default engine)
        rest = "/engine-rest/engine/" + engine.getName();
        user("t-approver", Groups.APPROVER);
        user("t-unithr", Groups.UNIT_HR, provisioning.ensureUnitGroup("CD01", "市委办公室"));
        user("t-trainee", Groups.TRAINEE);
        user("t-inst", Groups.INSTITUTION, provisioning.ensureInstitutionGroup("DX01", "市委党校"));
        user("t-locked", Groups.TRAINEE);

        BpmnModelInstance model = Bpmn.createExecutableProcess(AuthorizationMatrix.CLASS_FILING)
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Probe").camundaFormRef(FORM_ID).camundaFormRefBinding("deployment")
                .userTask("Task_Probe").name("审批探针").camundaCandidateGroups(Groups.APPROVER)
                .camundaFormRef(FORM_ID).camundaFormRefBinding("deployment")
                .endEvent()
                .done();
        deploymentId = engine.getRepositoryService().createDeployment().name("security-probe")
                .addModelInstance("security-probe.bpmn", model)
                .addString("security-probe.form", FORM)
                .deploy().getId();
        definitionId = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
                .singleResult().getId();
        String instanceId = engine.getRuntimeService().startProcessInstanceById(definitionId).getId();
        approverTaskId = engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    }

    @AfterAll
    void deleteProbe() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void withoutCredentialsTheEngineApiAsksForBasicAuthentication() {
        Reply reply = http.get(rest + "/task");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(http.get(rest + "/process-definition/count").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRejected() {
        assertThat(http.get(rest + "/task", "t-locked", "wrong").status()).isEqualTo(401);
        assertThat(http.get(rest + "/task", "nobody", "nobody").status()).isEqualTo(401);
    }

    @Test
    void theAdministratorIsAuthenticatedByBasicAuth() {
        Reply reply = http.get(rest + "/task", adminId, adminPassword);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list()).extracting(task -> task.get("id")).contains(approverTaskId);
    }

    @Test
    void onlyTheCandidateGroupSeesItsTask() {
        assertThat(taskIds("t-approver")).contains(approverTaskId);
        assertThat(taskIds("t-unithr")).doesNotContain(approverTaskId);
        assertThat(taskIds("t-trainee")).doesNotContain(approverTaskId);
        // the engine does not even admit that the task exists
        assertThat(http.get(rest + "/task/" + approverTaskId, "t-trainee", "pw-t-trainee").status()).isEqualTo(404);
    }

    @Test
    void theClaimableTasksFilterListsTheGroupsUnassignedTasksOnly() {
        String filterId = engine.getFilterService().createTaskFilterQuery()
                .filterName(IdentityProvisioning.CLAIMABLE_FILTER).singleResult().getId();

        assertThat(http.get(rest + "/filter/" + filterId + "/list", "t-approver", "pw-t-approver").list())
                .extracting(task -> task.get("id")).contains(approverTaskId);
        assertThat(http.get(rest + "/filter/" + filterId + "/list", "t-trainee", "pw-t-trainee").list())
                .extracting(task -> task.get("id")).doesNotContain(approverTaskId);
        assertThat(http.get(rest + "/filter", "t-trainee", "pw-t-trainee").list()).extracting(f -> f.get("name"))
                .contains("全部任务", IdentityProvisioning.CLAIMABLE_FILTER);
    }

    @Test
    void theCandidateRendersTheTaskFormOthersDoNot() {
        Reply form = http.get(rest + "/task/" + approverTaskId + "/deployed-form", "t-approver", "pw-t-approver");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.object()).containsEntry("id", FORM_ID);
        assertThat(http.get(rest + "/task/" + approverTaskId + "/form-variables", "t-approver", "pw-t-approver")
                .status()).isEqualTo(200);
        assertThat(http.get(rest + "/task/" + approverTaskId + "/deployed-form", "t-unithr", "pw-t-unithr").status())
                .isEqualTo(403);
    }

    @Test
    void anInstitutionRendersTheStartFormAndStartsAClassFiling() {
        Reply startForm = http.get(rest + "/process-definition/" + definitionId + "/deployed-start-form",
                "t-inst", "pw-t-inst");
        assertThat(startForm.status()).isEqualTo(200);
        assertThat(startForm.object()).containsEntry("id", FORM_ID);

        Reply started = http.postJson(rest + "/process-definition/" + definitionId + "/submit-form",
                "{\"variables\": {\"remark\": {\"value\": \"申报\", \"type\": \"String\"}}}", "t-inst", "pw-t-inst");
        assertThat(started.status()).isEqualTo(200);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId((String) started.object().get("id")).count()).isOne();
    }

    @Test
    void unitHrAndTraineesCannotStartProcessesNorSeeDefinitions() {
        for (String user : List.of("t-unithr", "t-trainee")) {
            Reply start = http.postJson(rest + "/process-definition/" + definitionId + "/start", "{}", user, "pw-" + user);
            assertThat(start.status()).as(user).isEqualTo(403);
            assertThat(start.object()).as(user).containsEntry("type", "AuthorizationException");
            // by key the definition is not even found: the query only returns what the user may read
            assertThat(http.postJson(rest + "/process-definition/key/class-filing/start", "{}", user, "pw-" + user)
                    .status()).as(user).isEqualTo(404);

            assertThat(http.get(rest + "/process-definition/" + definitionId + "/deployed-start-form", user,
                    "pw-" + user).status()).as(user).isEqualTo(403);
            // trainees see exactly one definition: leave-request, which they start (R16)
            assertThat(http.get(rest + "/process-definition", user, "pw-" + user).list()).as(user)
                    .extracting(definition -> definition.get("key"))
                    .containsOnly(user.equals("t-trainee") ? new Object[] {"leave-request"} : new Object[0]);
            assertThat(http.get(rest + "/process-instance", user, "pw-" + user).list()).as(user).isEmpty();
        }
    }

    @Test
    void adHocQueryExpressionsAreRefused() {
        Reply reply = http.get(rest + "/task?assigneeExpression=%24%7BcurrentUser()%7D", "t-approver", "pw-t-approver");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.object().get("message")).asString().contains("Expressions are forbidden");
    }

    @Test
    void theGanxunApiWithoutCredentialsAnswers401InChinese() {
        Reply reply = http.get("/api/institutions");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.object()).containsEntry("status", 401).containsEntry("message", "请先登录（用户名或密码错误）");
        assertThat(http.get("/api/institutions", "t-approver", "pw-t-approver").status()).isEqualTo(200);
    }

    private List<Object> taskIds(String user) {
        Reply reply = http.get(rest + "/task", user, "pw-" + user);
        assertThat(reply.status()).as(user).isEqualTo(200);
        return reply.list().stream().map(task -> task.get("id")).toList();
    }

    private void user(String userId, String... groups) {
        provisioning.ensureUser(userId, "测", "试", userId + "@ganxun.local", "pw-" + userId, List.of(groups));
    }
}
