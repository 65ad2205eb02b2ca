package cn.ganxun.cadres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.ganxun.cadres.CadreViews.CadrePage;
import cn.ganxun.cadres.CadreViews.CadreRow;
import cn.ganxun.cadres.CadreViews.EventView;
import cn.ganxun.cadres.CadreViews.TrainingView;
import cn.ganxun.cadres.CadreViews.UnitRef;

@Repository
public class CadreRepository {

    private static final String COLUMNS = """
            SELECT id, cadre_number, name, id_number, gender, birth_date, rank_level, category, education,
                   speciality, unit_id, post, party_member, email, status, hired_on
            FROM cadre""";
    private static final int ID_LOOKUP_CHUNK = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CadreRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Cadre> findById(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(CadreRepository::map).optional();
    }

    public Optional<Cadre> findByNumber(String cadreNumber) {
        return jdbc.sql(COLUMNS + " WHERE cadre_number = ?").param(cadreNumber).query(CadreRepository::map).optional();
    }

    /** Inserts active cadres in one batch; returns their ids by cadre number. */
    public Map<String, Long> insertAll(List<CadreProfile> profiles) {
        LocalDateTime now = LocalDateTime.now();
        batch.batchUpdate("""
                INSERT INTO cadre (cadre_number, name, id_number, gender, birth_date, rank_level, category, education,
                                   speciality, unit_id, post, party_member, email, status, hired_on, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""",
                profiles.stream().map(p -> {
                    List<Object> values = new ArrayList<>(profileValues(p));
                    values.add(now);
                    values.add(now);
                    return values.toArray();
                }).toList());
        Map<String, Long> ids = new HashMap<>();
        List<String> numbers = profiles.stream().map(CadreProfile::cadreNumber).toList();
        for (int from = 0; from < numbers.size(); from += ID_LOOKUP_CHUNK) {
            jdbc.sql("SELECT id, cadre_number FROM cadre WHERE cadre_number IN (:numbers)")
                    .param("numbers", numbers.subList(from, Math.min(numbers.size(), from + ID_LOOKUP_CHUNK)))
                    .query((rs, n) -> Map.entry(rs.getString("cadre_number"), rs.getLong("id")))
                    .list()
                    .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        }
        return ids;
    }

    /** Writes the cadre's basic data and status as given. */
    public void update(Cadre cadre) {
        List<Object> values = new ArrayList<>(profileValues(cadre.profile()));
        values.addAll(List.of(cadre.status().name(), LocalDateTime.now(), cadre.id()));
        jdbc.sql("""
                UPDATE cadre SET cadre_number = ?, name = ?, id_number = ?, gender = ?, birth_date = ?, rank_level = ?,
                       category = ?, education = ?, speciality = ?, unit_id = ?, post = ?, party_member = ?, email = ?,
                       hired_on = ?, status = ?, updated_at = ?
                WHERE id = ?""").params(values).update();
    }

    public void insertEvents(List<NewCadreEvent> events) {
        LocalDateTime now = LocalDateTime.now();
        batch.batchUpdate("""
                INSERT INTO cadre_event (cadre_id, kind, effective_on, from_unit_id, to_unit_id, from_rank, to_rank,
                                         post, note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                events.stream().map(e -> new Object[] {e.cadreId(), e.kind().name(), e.effectiveOn(), e.fromUnitId(),
                        e.toUnitId(), nameOf(e.fromRank()), nameOf(e.toRank()), e.post(), e.note(), e.recordedBy(), now})
                        .toList());
    }

    /** The cadre number of whoever holds this identity number. */
    Optional<String> numberHoldingIdNumber(String idNumber) {
        return jdbc.sql("SELECT cadre_number FROM cadre WHERE id_number = ?").param(idNumber).query(String.class)
                .optional();
    }

    Optional<LocalDate> lastEventDate(long cadreId) {
        // MAX over no rows is one NULL row (a cadre without recorded events, e.g. created outside the import)
        return jdbc.sql("SELECT MAX(effective_on) FROM cadre_event WHERE cadre_id = ?")
                .param(cadreId).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * R1 retirement: the cadre leaves every class not yet over. Roster rows stay (other records may point at
     * them) with status WITHDRAWN.
     */
    int withdrawFromOpenClasses(long cadreId, LocalDate retiredOn) {
        return jdbc.sql("""
                UPDATE enrollment SET status = 'WITHDRAWN'
                WHERE cadre_id = ? AND status = 'ENROLLED'
                  AND class_id IN (SELECT id FROM training_class WHERE end_date >= ?)""")
                .params(cadreId, retiredOn).update();
    }

    /**
     * One page of cadres matching the query.
     *
     * @param unitIds the units to look in; empty means every unit
     */
    CadrePage search(CadreQuery query, Optional<Set<Long>> unitIds) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.text() != null) {
            where.append(" AND (c.name LIKE :text ESCAPE '!' OR UPPER(c.cadre_number) LIKE UPPER(:text) ESCAPE '!')");
            params.put("text", "%" + query.text().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        unitIds.ifPresent(ids -> {
            where.append(" AND c.unit_id IN (:unitIds)");
            params.put("unitIds", ids);
        });
        if (query.rank() != null) {
            where.append(" AND c.rank_level = :rank");
            params.put("rank", query.rank().name());
        }
        if (query.category() != null) {
            where.append(" AND c.category = :category");
            params.put("category", query.category().name());
        }
        if (query.status() != null) {
            where.append(" AND c.status = :status");
            params.put("status", query.status().name());
        }
        String from = " FROM cadre c JOIN unit u ON u.id = c.unit_id";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        String direction = query.descending() ? " DESC" : " ASC";
        List<CadreRow> items = jdbc.sql("""
                SELECT c.id, c.cadre_number, c.name, c.gender, c.birth_date, c.rank_level, c.category, c.post,
                       c.party_member, c.status, u.id AS unit_id, u.code AS unit_code, u.name AS unit_name"""
                + from + where + " ORDER BY " + query.sort().sql() + direction + ", c.cadre_number" + direction
                + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rs, n) -> new CadreRow(rs.getLong("id"), rs.getString("cadre_number"), rs.getString("name"),
                        Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
                        Rank.valueOf(rs.getString("rank_level")), Category.valueOf(rs.getString("category")),
                        new UnitRef(rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name")),
                        rs.getString("post"), rs.getBoolean("party_member"), CadreStatus.valueOf(rs.getString("status"))))
                .list();
        return new CadrePage(items, query.page(), query.size(), total);
    }

    List<EventView> history(long cadreId) {
        return jdbc.sql("""
                SELECT e.id, e.kind, e.effective_on, e.from_rank, e.to_rank, e.post, e.note, e.recorded_by, e.recorded_at,
                       f.id AS from_id, f.code AS from_code, f.name AS from_name,
                       t.id AS to_id, t.code AS to_code, t.name AS to_name
                FROM cadre_event e
                LEFT JOIN unit f ON f.id = e.from_unit_id
                LEFT JOIN unit t ON t.id = e.to_unit_id
                WHERE e.cadre_id = ?
                ORDER BY e.effective_on, e.id""")
                .param(cadreId)
                .query((rs, n) -> new EventView(rs.getLong("id"), CadreEventKind.valueOf(rs.getString("kind")),
                        rs.getObject("effective_on", LocalDate.class), unitRef(rs, "from"), unitRef(rs, "to"),
                        rankOf(rs.getString("from_rank")), rankOf(rs.getString("to_rank")), rs.getString("post"),
                        rs.getString("note"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", LocalDateTime.class)))
                .list();
    }

    /** R3a: the cadre's classes, newest first, with the follow-up's final evaluation once it closed (R29). */
    List<TrainingView> trainings(long cadreId) {
        return jdbc.sql("""
                SELECT k.class_number, k.title, i.name AS institution, k.start_date, k.end_date,
                       e.status, e.hours, e.credits, e.grade, e.certificate_number,
                       fe.combined_score AS follow_up_score, fe.findings AS follow_up_findings
                FROM enrollment e
                JOIN training_class k ON k.id = e.class_id
                JOIN institution i ON i.id = k.institution_id
                LEFT JOIN follow_up f ON f.class_id = e.class_id
                LEFT JOIN follow_up_evaluation fe ON fe.follow_up_id = f.id AND fe.cadre_id = e.cadre_id
                WHERE e.cadre_id = ?
                ORDER BY k.start_date DESC, k.class_number""")
                .param(cadreId)
                .query((rs, n) -> new TrainingView(rs.getString("class_number"), rs.getString("title"),
                        rs.getString("institution"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class), rs.getString("status"), rs.getBigDecimal("hours"),
                        rs.getBigDecimal("credits"), rs.getString("grade"), rs.getString("certificate_number"),
                        rs.getBigDecimal("follow_up_score"), rs.getString("follow_up_findings")))
                .list();
    }

    private static List<Object> profileValues(CadreProfile p) {
        return Arrays.asList(p.cadreNumber(), p.name(), p.idNumber(), p.gender().name(), p.birthDate(),
                p.rank().name(), p.category().name(), nameOf(p.education()), p.speciality(), p.unitId(), p.post(),
                p.partyMember(), p.email(), p.hiredOn());
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Rank rankOf(String name) {
        return name == null ? null : Rank.valueOf(name);
    }

    private static UnitRef unitRef(ResultSet rs, String prefix) throws SQLException {
        Long id = rs.getObject(prefix + "_id", Long.class);
        return id == null ? null : new UnitRef(id, rs.getString(prefix + "_code"), rs.getString(prefix + "_name"));
    }

    private static Cadre map(ResultSet rs, int row) throws SQLException {
        String education = rs.getString("education");
        return new Cadre(rs.getLong("id"), new CadreProfile(rs.getString("cadre_number"), rs.getString("name"),
                rs.getString("id_number"), Gender.valueOf(rs.getString("gender")),
                rs.getObject("birth_date", LocalDate.class), Rank.valueOf(rs.getString("rank_level")),
                Category.valueOf(rs.getString("category")), education == null ? null : Education.valueOf(education),
                rs.getString("speciality"), rs.getLong("unit_id"), rs.getString("post"), rs.getBoolean("party_member"),
                rs.getString("email"), rs.getObject("hired_on", LocalDate.class)),
                CadreStatus.valueOf(rs.getString("status")));
    }
}
