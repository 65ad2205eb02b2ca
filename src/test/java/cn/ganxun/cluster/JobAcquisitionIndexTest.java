package cn.ganxun.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.ganxun.platform.JobAcquisitionIndex;
import cn.ganxun.testsupport.AlsoOnPostgres;
import cn.ganxun.testsupport.GanxunTest;

/** The ACT_RU_JOB index for job acquisition exists once the engine made its tables, and a second start keeps it. */
@GanxunTest
@AlsoOnPostgres
class JobAcquisitionIndexTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JobAcquisitionIndex index;

    @Autowired
    ProcessEngine engine;

    @Test
    void theAcquisitionIndexOnDueDatesExistsAfterStartAndSurvivesAnotherStart() throws SQLException {
        assertThat(indexedColumns()).containsExactly("DUEDATE_");
        index.postProcessEngineBuild(engine);
        assertThat(indexedColumns()).containsExactly("DUEDATE_");
    }

    private List<String> indexedColumns() throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String table = meta.storesLowerCaseIdentifiers() ? "act_ru_job" : "ACT_RU_JOB";
            try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
                while (rs.next()) {
                    if (JobAcquisitionIndex.NAME.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        columns.add(rs.getString("COLUMN_NAME").toUpperCase());
                    }
                }
            }
        }
        return columns;
    }
}
