package cn.ganxun.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The index Camunda's job acquisition query needs on ACT_RU_JOB. Every job executor polls "RETRIES_ &gt; 0 and (DUEDATE_
 * is null or DUEDATE_ &lt;= now) and not locked and not suspended"; Camunda's schema has no index on DUEDATE_, so with
 * tens of thousands of future follow-up timers each poll reads the whole table. The index cannot be a Flyway migration:
 * Flyway runs before the engine creates its ACT_* tables on a fresh database ({@link ProcessEngineAfterFlywayDetector}),
 * so it is created here, once the engine is built, on every start (idempotent; a second node creating it at the same
 * moment is tolerated). Measured by cn.ganxun.cluster.ClusterBenchmark (deployments/cluster/README.md).
 */
@Component
public class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    public static final String NAME = "ganxun_idx_job_acquisition";
    public static final String DDL = "CREATE INDEX IF NOT EXISTS " + NAME + " ON ACT_RU_JOB (DUEDATE_)";

    private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final JdbcClient jdbc;

    JobAcquisitionIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        try {
            jdbc.sql(DDL).update();
        } catch (DataAccessException e) {
            // another node created it in the same instant (PostgreSQL: duplicate key in pg_class); fine if it is there now
            LOG.info("job acquisition index not created here ({}); checking it exists", e.getMessage());
            jdbc.sql(DDL).update();
        }
    }
}
