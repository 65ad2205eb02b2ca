package cn.ganxun.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
import cn.ganxun.platform.EngineClock;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.GanxunTest;

/**
 * The demo's class in its follow-up, started at start-up after the demo accounts: tasks for the party school, the
 * lead and the demo trainee; once only.
 */
@GanxunTest
@TestPropertySource(properties = {"ganxun.demo.follow-up=true", "ganxun.test.context=demo-follow-up"})
class DemoFollowUpTest {

    @Autowired DemoFollowUp demoFollowUp;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    @Test
    void aRecentPartySchoolClassIsFollowedUpWithWorkForTheDemoLogins() {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(FollowUpProcess.KEY)
                .singleResult();
        assertThat(pi).as("started at start-up").isNotNull();
        String number = "H" + EngineClock.today().minusDays(14).getYear() + "-0900";
        assertThat(pi.getBusinessKey()).isEqualTo(number);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM enrollment e JOIN training_class k ON k.id = e.class_id JOIN training_class h
                    ON h.id <> k.id AND h.start_date <= k.end_date AND h.end_date >= k.start_date
                  JOIN enrollment o ON o.class_id = h.id AND o.cadre_id = e.cadre_id
                 WHERE k.class_number = ?""").param(number).query(Integer.class).single())
                .as("no trainee sits in two classes at once").isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM assessment_result r JOIN training_class k ON k.id = r.class_id
                 WHERE k.class_number = ? AND r.confirmed_at IS NOT NULL""").param(number).query(Integer.class).single())
                .isEqualTo(12);
        assertThat(jdbc.sql("""
                SELECT COUNT(DISTINCT COALESCE(p.code, u.code)) FROM enrollment e JOIN training_class k ON k.id = e.class_id
                  JOIN cadre c ON c.id = e.cadre_id JOIN unit u ON u.id = c.unit_id LEFT JOIN unit p ON p.id = u.parent_id
                                                                                    AND p.code = 'DS01'
                 WHERE k.class_number = ?""").param(number).query(Integer.class).single())
                .as("trainees of CD01 and of the district DS01, so the sample spans units").isEqualTo(2);

        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.TASK_HOLD_SEMINAR)
                .taskCandidateGroup(Groups.institution("DX01")).count()).isOne();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(Elements.TASK_REVIEW_SAMPLE)
                .taskCandidateGroup(Groups.FOLLOW_UP_LEAD).count()).isOne();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(Elements.TASK_WRITE_LEARNING_SUMMARY).taskCandidateUser("trainee").count())
                .as("the demo trainee C000001 writes their own summary").isOne();

        assertThat(demoFollowUp.start()).as("once only").isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(FollowUpProcess.KEY).count()).isOne();
    }
}
