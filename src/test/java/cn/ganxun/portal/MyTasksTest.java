package cn.ganxun.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.portal.MyTasks.TaskLine;
import cn.ganxun.portal.MyTasks.TaskPage;
import cn.ganxun.security.Actor;
import cn.ganxun.security.CurrentUser;
import cn.ganxun.security.Groups;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;
import cn.ganxun.testsupport.TestDirectory;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * The home task list against the engine: nomination tasks of quota-mandate (due at the unit's deadline, candidate group
 * unit-hr-code), one of them without a due date and one assigned to the user; overdue first, then by due
 * date, tasks without one last; paged across both engine queries; another unit's and a claimed task never listed.
 */
@GanxunTest
@AlsoOnPostgres
class MyTasksTest {

    @Autowired MyTasks myTasks;
    @Autowired PortalFixtures portal;
    @Autowired TrainingFixtures fixtures;
    @Autowired TestDirectory directory;
    @Autowired CurrentUser currentUser;
    @Autowired TaskService taskService;

    Actor hr;
    String group;
    long unitId;

    @BeforeEach
    void setUp() {
        ClockUtil.reset();
        unitId = fixtures.unit("门户待办局");
        String code = portal.unitCode(unitId);
        group = Groups.unitHr(code);
        String user = directory.user("ptl-hr-" + code.toLowerCase(), Groups.UNIT_HR, group);
        directory.bindToUnit(user, unitId);
        hr = currentUser.of(user);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void tasksAreOverdueFirstThenByDueDateWithoutDueDateLast_pagedInTheEngine() {
        LocalDateTime now = EngineClock.now();
        Task tenDays = portal.nominationTask(unitId, now.plusDays(10));
        Task fiveDays = portal.nominationTask(unitId, now.plusDays(5));
        Task fifteenDays = portal.nominationTask(unitId, now.plusDays(15));
        Task noDueDate = groupTask("整理本单位调训台账", null, null);
        Task assigned = groupTask("复核推荐材料", hr.userId(), now.plusDays(20));
        Task claimedByOther = groupTask("他人已认领", "someone-else", now.plusDays(1));
        long otherUnit = fixtures.unit("门户其他局");
        Task otherUnitTask = portal.nominationTask(otherUnit, now.plusDays(2));

        ClockUtil.setCurrentTime(EngineClock.toDate(now.plusDays(7)));

        TaskPage all = myTasks.page(hr, 0, 10);
        assertThat(all.items()).extracting(TaskLine::id).containsExactly(fiveDays.getId(), tenDays.getId(),
                fifteenDays.getId(), assigned.getId(), noDueDate.getId());
        assertThat(all.items()).extracting(TaskLine::id).doesNotContain(claimedByOther.getId(), otherUnitTask.getId());
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.overdue()).isEqualTo(1);
        assertThat(all.items()).extracting(TaskLine::overdue).containsExactly(true, false, false, false, false);

        TaskLine first = all.items().get(0);
        assertThat(first.name()).isEqualTo("推荐参训人员");
        assertThat(first.processDefinitionKey()).isEqualTo("quota-mandate");
        assertThat(first.processName()).isNotBlank();
        assertThat(first.businessKey()).endsWith("-" + portal.unitCode(unitId));
        assertThat(first.due()).isEqualTo(fiveDays.getDueDate());
        assertThat(first.created()).isNotNull();
        assertThat(all.items().get(4).due()).isNull();

        assertThat(myTasks.page(hr, 0, 2).items()).extracting(TaskLine::id).containsExactly(fiveDays.getId(), tenDays.getId());
        assertThat(myTasks.page(hr, 1, 2).items()).extracting(TaskLine::id).containsExactly(fifteenDays.getId(), assigned.getId());
        TaskPage last = myTasks.page(hr, 2, 2);
        assertThat(last.items()).extracting(TaskLine::id).containsExactly(noDueDate.getId());
        assertThat(last.total()).isEqualTo(5);
        assertThat(myTasks.page(hr, 3, 2).items()).isEmpty();
        assertThat(myTasks.count(hr)).isEqualTo(5);
        assertThat(myTasks.overdueCount(hr)).isEqualTo(1);
    }

    @Test
    void anotherUnitsHrSeesOnlyTheirOwnGroupsTasks() {
        Task ours = portal.nominationTask(unitId, EngineClock.now().plusDays(3));
        long otherUnit = fixtures.unit("门户另一局");
        String otherCode = portal.unitCode(otherUnit);
        String otherUser = directory.user("ptl-hr-" + otherCode.toLowerCase(), Groups.UNIT_HR, Groups.unitHr(otherCode));
        Task theirs = portal.nominationTask(otherUnit, EngineClock.now().plusDays(3));

        assertThat(myTasks.page(hr, 0, 50).items()).extracting(TaskLine::id).contains(ours.getId())
                .doesNotContain(theirs.getId());
        assertThat(myTasks.page(currentUser.of(otherUser), 0, 50).items()).extracting(TaskLine::id)
                .contains(theirs.getId()).doesNotContain(ours.getId());
    }

    /**
     * A unit nomination task renamed, assigned and due as given (the engine runs with standalone tasks off, issue 8):
     * like any task of the unit's HR group.
     */
    private Task groupTask(String name, String assignee, LocalDateTime due) {
        Task task = portal.nominationTask(unitId, due == null ? EngineClock.now().plusDays(30) : due);
        task.setName(name);
        task.setAssignee(assignee);
        task.setDueDate(due == null ? null : EngineClock.toDate(due));
        taskService.saveTask(task);
        return taskService.createTaskQuery().taskId(task.getId()).singleResult();
    }
}
