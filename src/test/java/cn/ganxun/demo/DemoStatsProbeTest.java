package cn.ganxun.demo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.testsupport.GanxunTest;

@GanxunTest
@AutoConfigureMockMvc
class DemoStatsProbeTest {
    @Autowired JdbcClient jdbc;

    @Test
    void print() {
        for (String sql : List.of(
                "SELECT kind, COUNT(*) FROM unit GROUP BY kind",
                "SELECT rank_level, COUNT(*) FROM cadre GROUP BY rank_level",
                "SELECT category, COUNT(*) FROM cadre GROUP BY category",
                "SELECT status, COUNT(*) FROM cadre GROUP BY status",
                "SELECT kind, COUNT(*) FROM cadre_event GROUP BY kind",
                "SELECT i.code, COUNT(*) FROM training_class t JOIN institution i ON i.id=t.institution_id GROUP BY i.code",
                "SELECT grade, COUNT(*) FROM enrollment GROUP BY grade",
                "SELECT class_number || ' ' || title || ' ' || start_date || ' ' || end_date, (SELECT COUNT(*) FROM enrollment e WHERE e.class_id=t.id) FROM training_class t ORDER BY start_date",
                """
                SELECT CASE WHEN party = 0 THEN 'RED' WHEN hours < req THEN 'YELLOW' ELSE 'GREEN' END AS light, COUNT(*) FROM (
                  SELECT c.id,
                    CASE WHEN c.rank_level IN ('BUREAU','COUNTY_PRINCIPAL','COUNTY_DEPUTY') THEN 550 ELSE 500 END AS req,
                    (SELECT COALESCE(SUM(e.hours),0) FROM enrollment e WHERE e.cadre_id=c.id) AS hours,
                    (SELECT COUNT(*) FROM enrollment e WHERE e.cadre_id=c.id AND EXISTS (SELECT 1 FROM course k WHERE k.class_id=e.class_id AND k.category IN ('PARTY_THEORY','PARTY_SPIRIT'))) AS party
                  FROM cadre c WHERE c.status='ACTIVE') x GROUP BY CASE WHEN party = 0 THEN 'RED' WHEN hours < req THEN 'YELLOW' ELSE 'GREEN' END
                """)) {
            System.out.println("== " + sql.lines().findFirst().get());
            jdbc.sql(sql).query((rs, n) -> rs.getString(1) + " : " + rs.getString(2)).list().forEach(System.out::println);
        }
        System.out.println(jdbc.sql("SELECT * FROM cadre WHERE cadre_number='C000001'").query().listOfRows());
    }
}
