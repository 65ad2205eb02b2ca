package cn.ganxun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/**
 * The engine's query settings of issue 8 (application.yaml): no CMMN and no standalone tasks, so task queries skip
 * those branches; a task outside every process cannot be created (every Ganxun task belongs to a process).
 */
@GanxunTest
@AlsoOnPostgres
class EngineQuerySettingsTest {

    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;

    @Test
    void cmmnAndStandaloneTasksAreOff() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isCmmnEnabled()).isFalse();
        assertThat(configuration.isStandaloneTasksEnabled()).isFalse();

        Task task = taskService.newTask();
        task.setName("流程之外的任务");
        assertThatThrownBy(() -> taskService.saveTask(task)).hasMessageContaining("standalone");
    }
}
