package cn.ganxun.portal;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.ganxun.dispatch.QuotaMandateProcess;
import cn.ganxun.dispatch.RosterPlan;
import cn.ganxun.dispatch.RosterService;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.testsupport.TrainingFixtures;

/** Real engine tasks for the portal tests: a class whose seats go to a unit, and its quota-mandate nomination task. */
@Component
class PortalFixtures {

    private final TrainingFixtures fixtures;
    private final RosterService roster;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final JdbcClient jdbc;

    PortalFixtures(TrainingFixtures fixtures, RosterService roster, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService, JdbcClient jdbc) {
        this.fixtures = fixtures;
        this.roster = roster;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.jdbc = jdbc;
    }

    /**
     * A class starting in 60 days whose seats go to the unit with the nomination deadline {@code deadline}, and its
     * quota-mandate started: returns the unit HR's nomination task (candidate group unit-hr-code, due at the deadline).
     */
    Task nominationTask(long unitId, LocalDateTime deadline) {
        long classId = fixtures.trainingClass("门户待办", EngineClock.today().plusDays(60), EngineClock.today().plusDays(64),
                true);
        roster.open(classId, new RosterPlan(deadline, List.of(), List.of(new RosterPlan.UnitSeats(unitId, 1)), false),
                "portal-org");
        long allocationId = roster.allocationIds(classId).get(0);
        ProcessInstance quota = runtimeService.startProcessInstanceByKey(QuotaMandateProcess.KEY,
                fixtures.classNumber(classId) + "-" + unitCode(unitId),
                Map.of(QuotaMandateProcess.Vars.CLASS_ID, classId, QuotaMandateProcess.Vars.ALLOCATION_ID, allocationId));
        for (Job job : managementService.createJobQuery().processInstanceId(quota.getId()).messages().list()) {
            managementService.executeJob(job.getId());
        }
        return taskService.createTaskQuery().processInstanceId(quota.getId())
                .taskDefinitionKey(QuotaMandateProcess.Elements.TASK_NOMINATE_CADRES).singleResult();
    }

    /** A class with named mandates (NOTIFIED) for the cadres, deadline in 10 days; returns the class id. */
    long namedMandates(List<Long> cadreIds) {
        long classId = fixtures.trainingClass("门户点名", EngineClock.today().plusDays(60), EngineClock.today().plusDays(64),
                true);
        jdbc.sql("UPDATE training_class SET dispatch_mode = 'MIXED' WHERE id = ?").param(classId).update();
        roster.open(classId, new RosterPlan(EngineClock.now().plusDays(10), cadreIds, List.of(), false), "portal-org");
        return classId;
    }

    long unitId(String code) {
        return jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
    }

    String unitCode(long unitId) {
        return jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
    }
}
