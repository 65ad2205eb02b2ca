package cn.ganxun;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.testsupport.GanxunTest;

@GanxunTest
class ApplicationContextTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void flywaySchemaAndEngineShareOneDatabase() {
        assertThat(jdbc.sql("SELECT count(*) FROM number_counter").query(Integer.class).single())
                .isNotNull();
        assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_TASK");
    }
}
