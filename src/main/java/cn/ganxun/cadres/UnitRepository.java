package cn.ganxun.cadres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UnitRepository {

    private static final String COLUMNS =
            "SELECT id, code, name, kind, parent_id, leader_name, leader_email, hr_email FROM unit";

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Unit> findAll() {
        return jdbc.sql(COLUMNS + " ORDER BY code").query(UnitRepository::map).list();
    }

    public Optional<Unit> findById(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(UnitRepository::map).optional();
    }

    public Optional<Unit> findByCode(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = ?").param(code).query(UnitRepository::map).optional();
    }

    List<Unit> children(long id) {
        return jdbc.sql(COLUMNS + " WHERE parent_id = ? ORDER BY code").param(id).query(UnitRepository::map).list();
    }

    /** The unit and every unit below it (a district with its towns). */
    public Set<Long> withSubUnits(long id) {
        return new HashSet<>(jdbc.sql("""
                WITH RECURSIVE tree (id) AS (
                    SELECT id FROM unit WHERE id = ?
                    UNION ALL
                    SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id
                )
                SELECT id FROM tree""").param(id).query(Long.class).list());
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")), rs.getObject("parent_id", Long.class),
                rs.getString("leader_name"), rs.getString("leader_email"), rs.getString("hr_email"));
    }
}
