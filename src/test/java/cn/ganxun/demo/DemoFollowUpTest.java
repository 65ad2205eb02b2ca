package cn.ganxun.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import cn.ganxun.followup.FollowUpProcess;
import cn.ganxun.followup.FollowUpProcess.Elements;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.GanxunTest;

/** The demo city's latest class goes into its follow-up at start-up, so the follow-up logins have work; once only. */
@GanxunTest
@TestPropertySource(properties = {"ganxun.demo.follow-up=true", "ganxun.test.context=demo-follow-up"})
class DemoFollowUpTest {

    @Autowired DemoFollowUp demoFollowUp;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    @Test
    void theLatestClassIsFollowedUpWithTasksForTheInstitutionAndTheLead() {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(FollowUpProcess.KEY)
                .singleResult();
        assertThat(pi).as("started at start-up").isNotNull();
        long classId = ((Number) runtimeService.getVariable(pi.getId(), FollowUpProcess.Vars.CLASS_ID)).longValue();
        assertThat(jdbc.sql("""
                SELECT i.code FROM training_class k JOIN institution i ON i.id = k.institution_id WHERE k.id = ?""")
                .param(classId).query(String.class).single()).isIn("DX01", "GB01");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_result WHERE class_id = ? AND confirmed_at IS NOT NULL")
                .param(classId).query(Integer.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE class_id = ?").param(classId).query(Integer.class).single());

        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.TASK_HOLD_SEMINAR)
                .taskCandidateGroupIn(List.of("institution-dx01", "institution-gb01")).count()).isOne();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.TASK_REVIEW_SAMPLE)
                .taskCandidateGroup(Groups.FOLLOW_UP_LEAD).count()).isOne();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.TASK_WRITE_LEARNING_SUMMARY).count()).isPositive();

        assertThat(demoFollowUp.start()).as("once only").isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(FollowUpProcess.KEY).count()).isOne();
    }
}
