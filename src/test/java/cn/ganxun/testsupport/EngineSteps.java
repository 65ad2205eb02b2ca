package cn.ganxun.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** What engine tests do to move a process on with the job executor off: run its jobs, fire its timers, work its tasks. */
@Component
public class EngineSteps {

    private final ManagementService managementService;
    private final TaskService taskService;

    EngineSteps(ManagementService managementService, TaskService taskService) {
        this.managementService = managementService;
        this.taskService = taskService;
    }

    /** Runs the instance's one job at the activity (an async continuation with the usual 5 retries). */
    public void executeJob(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        assertThat(job).as("job of " + activityId).isNotNull();
        assertThat(job.getRetries()).isEqualTo(5);
        managementService.executeJob(job.getId());
    }

    /** Moves the engine clock a minute past the timer's due date (which must be {@code due}) and fires it. */
    public void fireTimer(ProcessInstance pi, String activityId, Date due) {
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
        assertThat(timer).as("timer of " + activityId).isNotNull();
        assertThat(timer.getDuedate()).isEqualTo(due);
        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        managementService.executeJob(timer.getId());
    }

    /**
     * Moves the engine clock a minute past {@code due} and fires every timer of the instance at the activity (each must
     * be due then, one per multi-instance execution). @return how many fired
     */
    public int fireTimers(ProcessInstance pi, String activityId, Date due) {
        List<Job> timers = managementService.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(activityId).list();
        assertThat(timers).as("timers of " + activityId).isNotEmpty()
                .allSatisfy(timer -> assertThat(timer.getDuedate()).isEqualTo(due));
        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        timers.forEach(timer -> managementService.executeJob(timer.getId()));
        return timers.size();
    }

    /** Claims the task for the user and completes it; a refused completion leaves it unclaimed again. */
    public void complete(Task task, String user, Map<String, Object> variables) {
        taskService.claim(task.getId(), user);
        try {
            taskService.complete(task.getId(), new HashMap<>(variables));
        } finally {
            if (taskService.createTaskQuery().taskId(task.getId()).count() == 1) {
                taskService.setAssignee(task.getId(), null);
            }
        }
    }
}
