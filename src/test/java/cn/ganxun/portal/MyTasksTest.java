package cn.ganxun.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
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
 * date, tasks without one last, paged across that boundary; another unit's, a claimed and a suspended task never
 * listed. The list, its order (ties by creation, then id), the total and the overdue count equal what the engine's own
 * task query gives the user with their Camunda authorizations checked.
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
    @Autowired RuntimeService runtimeService;
    @Autowired IdentityService identityService;

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
    void tasksAreOverdueFirstThenByDueDateWithoutDueDateLast_pagedInTheDatabase() {
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
        assertThat(myTasks.counts(hr)).isEqualTo(new MyTasks.Counts(5, 1));
        assertThat(myTasks.page(hr, 1, 3).items()).as("a page across the due / no-due boundary")
                .extracting(TaskLine::id).containsExactly(assigned.getId(), noDueDate.getId());
    }

    @Test
    void sameTasksInTheSameOrderWithTheSameCountsAsTheEnginesOwnAuthorizedTaskQuery() {
        LocalDateTime start = EngineClock.now().withNano(0);
        ClockUtil.setCurrentTime(EngineClock.toDate(start));
        LocalDateTime due = start.plusDays(4);
        // created at the same instant and due at the same time: ordered by id alone
        Task sameA = portal.nominationTask(unitId, due);
        Task sameB = portal.nominationTask(unitId, due);
        ClockUtil.setCurrentTime(EngineClock.toDate(start.plusMinutes(1)));
        Task sameDueLater = portal.nominationTask(unitId, due);
        Task early = portal.nominationTask(unitId, start.plusDays(1));
        Task noDueFirst = groupTask("无期限甲", null, null);
        ClockUtil.setCurrentTime(EngineClock.toDate(start.plusMinutes(2)));
        Task noDueSecond = groupTask("无期限乙", null, null);
        Task noDueSameInstant = groupTask("无期限丙", null, null);
        long otherUnit = fixtures.unit("门户对照局");
        Task offeredToMeByName = portal.nominationTask(otherUnit, start.plusDays(6));
        taskService.addCandidateUser(offeredToMeByName.getId(), hr.userId());
        Task assignedToMeElsewhere = portal.nominationTask(otherUnit, start.plusDays(8));
        taskService.setAssignee(assignedToMeElsewhere.getId(), hr.userId());
        Task notMine = portal.nominationTask(otherUnit, start.plusDays(2));
        Task claimedByOther = groupTask("他人办理中", "someone-else", start.plusDays(3));
        Task suspended = portal.nominationTask(unitId, start.plusDays(2));
        runtimeService.suspendProcessInstanceById(suspended.getProcessInstanceId());
        // offered to me twice (by group and by name): listed and counted once
        taskService.addCandidateUser(sameDueLater.getId(), hr.userId());
        ClockUtil.setCurrentTime(EngineClock.toDate(start.plusDays(5)));

        List<String> engine = enginesOwnList(hr);
        assertThat(engine).hasSize(9);
        TaskPage all = myTasks.page(hr, 0, 50);
        assertThat(all.items()).extracting(TaskLine::id).containsExactlyElementsOf(engine);
        assertThat(all.items()).extracting(TaskLine::id).doesNotContain(notMine.getId(), claimedByOther.getId(),
                suspended.getId());
        assertThat(engine.subList(0, 4)).as("overdue, by due date, then creation, then id").startsWith(early.getId())
                .containsExactlyInAnyOrder(early.getId(), sameA.getId(), sameB.getId(), sameDueLater.getId())
                .endsWith(sameDueLater.getId());
        assertThat(engine.subList(4, 6)).containsExactly(offeredToMeByName.getId(), assignedToMeElsewhere.getId());
        assertThat(engine.subList(6, 9)).as("without a due date last, by creation, then id").startsWith(noDueFirst.getId())
                .containsExactlyInAnyOrder(noDueFirst.getId(), noDueSecond.getId(), noDueSameInstant.getId());
        assertThat(all.total()).isEqualTo(engine.size());
        long engineOverdue = asUser(hr, () -> engineMine(hr).dueBefore(ClockUtil.getCurrentTime()).count());
        assertThat(engineOverdue).isEqualTo(4);
        assertThat(all.overdue()).isEqualTo(engineOverdue);
        assertThat(all.items()).filteredOn(TaskLine::overdue).extracting(TaskLine::id)
                .containsExactlyElementsOf(engine.subList(0, 4));
        assertThat(myTasks.counts(hr)).isEqualTo(new MyTasks.Counts(engine.size(), engineOverdue));

        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            TaskPage part = myTasks.page(hr, page, 3);
            assertThat(part.total()).isEqualTo(engine.size());
            part.items().forEach(line -> paged.add(line.id()));
        }
        assertThat(paged).as("pages of 3 cross the due / no-due boundary").containsExactlyElementsOf(engine);
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
     * The task list as the engine's own task query gives it, with the user's Camunda authorizations checked: what
     * MyTasks asked before issue 8 (tasks with a due date by due date, then those without; each by creation and id).
     */
    private List<String> enginesOwnList(Actor actor) {
        return asUser(actor, () -> {
            List<String> ids = new ArrayList<>();
            engineMine(actor).dueAfter(new Date(0)).orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId()
                    .asc().list().forEach(task -> ids.add(task.getId()));
            engineMine(actor).withoutDueDate().orderByTaskCreateTime().asc().orderByTaskId().asc().list()
                    .forEach(task -> ids.add(task.getId()));
            return ids;
        });
    }

    private TaskQuery engineMine(Actor actor) {
        return taskService.createTaskQuery().active().or().taskAssignee(actor.userId()).taskCandidateUser(actor.userId())
                .taskCandidateGroupIn(actor.groups()).endOr();
    }

    private <T> T asUser(Actor actor, Supplier<T> query) {
        identityService.setAuthentication(actor.userId(), actor.groups());
        try {
            return query.get();
        } finally {
            identityService.clearAuthentication();
        }
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
