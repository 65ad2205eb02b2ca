package cn.ganxun.institutions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InstitutionRepository {

    private static final String COLUMNS = "SELECT id, code, name, kind, contact_email FROM institution";

    private final JdbcClient jdbc;

    InstitutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Institution> findAll() {
        return jdbc.sql(COLUMNS + " ORDER BY code").query(InstitutionRepository::map).list();
    }

    public Optional<Institution> findById(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(InstitutionRepository::map).optional();
    }

    public Optional<Institution> findByCode(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = ?").param(code).query(InstitutionRepository::map).optional();
    }

    public long insert(String code, String name, InstitutionKind kind, String contactEmail) {
        jdbc.sql("INSERT INTO institution (code, name, kind, contact_email) VALUES (?, ?, ?, ?)")
                .params(code, name, kind.name(), contactEmail)
                .update();
        return findByCode(code).orElseThrow().id();
    }

    private static Institution map(ResultSet rs, int row) throws SQLException {
        return new Institution(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                InstitutionKind.valueOf(rs.getString("kind")), rs.getString("contact_email"));
    }
}
