package cn.ganxun.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.UnitKind;

/**
 * The demo city's 30 units: twelve city departments (CD01–CD12) and four districts (DS01–DS04) with their
 * towns and streets (TN + district number + town number). Each has a principal leader and an HR mailbox.
 */
final class DemoUnits {

    /** A stored unit and its principal leader, who is also generated as one of its cadres. */
    record DemoUnit(long id, String code, String name, UnitKind kind, String leaderName, boolean leaderMale) {
    }

    private static final List<String> CITY_DEPARTMENTS = List.of("市委办公室", "市政府办公室", "市委组织部", "市委宣传部",
            "市发展和改革委员会", "市教育局", "市科学技术局", "市财政局", "市人力资源和社会保障局", "市自然资源和规划局",
            "市住房和城乡建设局", "市卫生健康委员会");
    private static final List<District> DISTRICTS = List.of(
            new District("东城区", List.of("东华街道", "朝阳街道", "和平街道", "青龙镇")),
            new District("西城区", List.of("西苑街道", "金桥街道", "白沙镇")),
            new District("南湖区", List.of("南湖街道", "湖滨街道", "柳溪镇", "石塘镇")),
            new District("北山区", List.of("北山街道", "松岭镇", "云岭乡")));

    private record District(String name, List<String> towns) {
    }

    private final JdbcClient jdbc;
    private final Random random;

    DemoUnits(JdbcClient jdbc, Random random) {
        this.jdbc = jdbc;
        this.random = random;
    }

    /** Inserts the units, city departments first. */
    List<DemoUnit> insert() {
        List<DemoUnit> units = new ArrayList<>();
        for (int i = 0; i < CITY_DEPARTMENTS.size(); i++) {
            units.add(insert(String.format("CD%02d", i + 1), CITY_DEPARTMENTS.get(i), UnitKind.CITY_DEPARTMENT, null));
        }
        for (int d = 0; d < DISTRICTS.size(); d++) {
            District district = DISTRICTS.get(d);
            DemoUnit parent = insert(String.format("DS%02d", d + 1), district.name(), UnitKind.DISTRICT, null);
            units.add(parent);
            for (int t = 0; t < district.towns().size(); t++) {
                units.add(insert(String.format("TN%02d%02d", d + 1, t + 1), district.towns().get(t), UnitKind.TOWN,
                        parent.id()));
            }
        }
        return units;
    }

    private DemoUnit insert(String code, String name, UnitKind kind, Long parentId) {
        boolean leaderMale = random.nextInt(10) < 7;
        String leaderName = DemoNames.next(random, leaderMale);
        String mailbox = code.toLowerCase(Locale.ROOT) + "@ganxun.local";
        jdbc.sql("""
                INSERT INTO unit (code, name, kind, parent_id, leader_name, leader_email, hr_email)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(code, name, kind.name(), parentId, leaderName, "leader-" + mailbox, "hr-" + mailbox)
                .update();
        long id = jdbc.sql("SELECT id FROM unit WHERE code = ?").param(code).query(Long.class).single();
        return new DemoUnit(id, code, name, kind, leaderName, leaderMale);
    }
}
