package cn.ganxun.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.ganxun.cadres.CadreRepository;
import cn.ganxun.demo.DemoCadres.DemoCadre;
import cn.ganxun.demo.DemoUnits.DemoUnit;
import cn.ganxun.institutions.Institution;
import cn.ganxun.institutions.InstitutionKind;
import cn.ganxun.institutions.InstitutionRepository;

/**
 * Loads the demo city once, into an empty registry: 30 units, 3 institutions (DX01, XZ01, GB01), about 600
 * cadres with their life events, and five years of closed classes with completed enrollments and their class
 * credits in the ledger. It never writes
 * over real data: if any unit, institution or cadre exists it does nothing. One transaction; the same data on
 * every run of the same day (fixed seed; dates count back from today).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "ganxun.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final long SEED = 20_240_701L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final InstitutionRepository institutions;
    private final CadreRepository cadres;

    DemoDataLoader(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction,
            InstitutionRepository institutions, CadreRepository cadres) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.institutions = institutions;
        this.cadres = cadres;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Loads the demo city unless the registry holds data; says whether it loaded. */
    boolean load() {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!registryIsEmpty()) {
                log.info("Demo city not loaded: units, institutions or cadres exist already");
                return false;
            }
            long started = System.currentTimeMillis();
            Random random = new Random(SEED);
            LocalDate today = LocalDate.now();
            List<DemoUnit> units = new DemoUnits(jdbc, random).insert();
            Map<String, Long> institutionIds = insertInstitutions();
            Map<Long, DemoCadre> demoCadres = new DemoCadres(cadres, random, today).insert(units);
            int enrollments = new DemoTrainingHistory(jdbc, batch, random, today).insert(demoCadres,
                    units.stream().collect(Collectors.toMap(DemoUnit::id, DemoUnit::kind)), institutionIds);
            DemoCredits.post(jdbc);
            log.info("Demo city loaded in {} ms: {} units, {} institutions, {} cadres, {} enrollments",
                    System.currentTimeMillis() - started, units.size(), institutionIds.size(), demoCadres.size(),
                    enrollments);
            return true;
        }));
    }

    private boolean registryIsEmpty() {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM unit) + (SELECT COUNT(*) FROM institution) + (SELECT COUNT(*) FROM cadre)""")
                .query(Long.class).single() == 0;
    }

    private Map<String, Long> insertInstitutions() {
        institutions.insert("DX01", "市委党校", InstitutionKind.PARTY_SCHOOL, "dx01@ganxun.local");
        institutions.insert("XZ01", "市行政学院", InstitutionKind.ADMIN_COLLEGE, "xz01@ganxun.local");
        institutions.insert("GB01", "市干部学院", InstitutionKind.CADRE_COLLEGE, "gb01@ganxun.local");
        return institutions.findAll().stream().collect(Collectors.toMap(Institution::code, Institution::id));
    }
}
