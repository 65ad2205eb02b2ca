package cn.ganxun.credits;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Groups;

/**
 * Degree study (学历教育, R22). A programme is registered for a cadre with its level and start year; every study year
 * — from the start year up to the current year, or up to the award year once awarded — earns 5 credits, posted once
 * per cadre and year (ledger DEGREE / STUDY-&lt;year&gt;, so two overlapping programmes never earn a year twice). The
 * award adds PhD 7, Master 6, Bachelor 5 credits once (DEGREE / AWARD-&lt;programme id&gt;, credit year = award year).
 * Registering posts the study years so far; {@link #postStudyYears(Integer, Actor)} posts one year for every programme at once
 * (the org department runs it each year). The org department and the HR of the cadre's unit record.
 */
@Service
class DegreeStudies {

    static final BigDecimal CREDITS_PER_STUDY_YEAR = BigDecimal.valueOf(5);

    private static final String LEVEL_LABEL = Arrays.stream(DegreeLevel.values())
            .map(l -> "WHEN '" + l.name() + "' THEN '" + l.label() + "'")
            .collect(Collectors.joining(" ", "CASE d.degree_level ", " END"));

    /** Posts year :year to every programme studied that year (one per cadre), unless the cadre has it already. */
    private static final String POST_YEAR = """
            INSERT INTO credit_entry (cadre_id, credit_year, source, source_ref, credits, reason, posted_at, recorded_by)
            SELECT d.cadre_id, :year, 'DEGREE', :ref, :credits,
                   CONCAT('学历教育（', %s, '，', d.programme, '）', :year, '年度在读，计 5 学分'), :now, :by
              FROM degree_study d
             WHERE d.id = (SELECT MIN(s.id) FROM degree_study s
                            WHERE s.cadre_id = d.cadre_id AND s.start_year <= :year
                              AND (s.awarded_on IS NULL OR EXTRACT(YEAR FROM s.awarded_on) >= :year))
               AND NOT EXISTS (SELECT 1 FROM credit_entry e
                                WHERE e.cadre_id = d.cadre_id AND e.source = 'DEGREE' AND e.source_ref = :ref)""".formatted(LEVEL_LABEL);

    private final JdbcClient jdbc;
    private final CreditAccess access;

    DegreeStudies(JdbcClient jdbc, CreditAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Registers a programme and posts its study years up to this year. */
    @Transactional
    public DegreeStudy register(long cadreId, DegreeLevel level, String programme, Integer startYear, Actor actor) {
        requireRecorderOf(actor, cadreId);
        int thisYear = EngineClock.today().getYear();
        if (level == null) {
            throw InvalidInputException.of("level", "请选择学历层次 level：PHD（博士）、MASTER（硕士）、BACHELOR（学士）");
        }
        if (programme == null || programme.isBlank() || programme.strip().length() > 200) {
            throw InvalidInputException.of("programme", "请填写就读院校和专业 programme（不超过200个字符）");
        }
        if (startYear == null || startYear < CreditStandings.MIN_YEAR || startYear > thisYear) {
            throw InvalidInputException.of("startYear", "入学年度 startYear 须在 " + CreditStandings.MIN_YEAR + " 至 " + thisYear
                    + " 之间");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM degree_study WHERE cadre_id = ? AND degree_level = ?")
                .params(cadreId, level.name()).query(Integer.class).single() > 0) {
            throw InvalidInputException.of("level", "该干部已登记过" + level.label() + "学历教育");
        }
        jdbc.sql("""
                INSERT INTO degree_study (cadre_id, degree_level, programme, start_year, status, registered_by, registered_at)
                VALUES (?, ?, ?, ?, 'STUDYING', ?, ?)""")
                .params(cadreId, level.name(), programme.strip(), startYear, actor.userId(),
                        Timestamp.valueOf(EngineClock.now()))
                .update();
        for (int year = startYear; year <= thisYear; year++) {
            postYear(year, cadreId, actor.userId());
        }
        return jdbc.sql(COLUMNS + " WHERE cadre_id = ? AND degree_level = ?").params(cadreId, level.name())
                .query(DegreeStudies::map).single();
    }

    /** Posts one study year to every programme studied in it; idempotent. Returns the number of entries posted. */
    @Transactional
    public int postStudyYears(Integer year, Actor actor) {
        if (!actor.inGroup(Groups.ORG_DEPT)) {
            throw new AccessDeniedException("无权访问：年度学历教育学分由组织部干教科统一登记");
        }
        if (year == null) {
            throw InvalidInputException.of("year", "请提供年度 year，如 2027");
        }
        CreditStandings.requireYear(year);
        if (year > EngineClock.today().getYear()) {
            throw InvalidInputException.of("year", "不能登记尚未开始的年度：" + year);
        }
        return postYear(year, null, actor.userId());
    }

    /** Records the award (once): the study years up to the award year, then the level's credits. */
    @Transactional
    public DegreeStudy award(long studyId, LocalDate awardedOn, Actor actor) {
        access.requireRecorder(actor);
        DegreeStudy study = jdbc.sql(COLUMNS + " WHERE id = ?").param(studyId).query(DegreeStudies::map).optional()
                .orElseThrow(() -> new NotFoundException("学历教育登记不存在：" + studyId));
        requireRecorderOf(actor, study.cadreId());
        if (DegreeStudy.AWARDED.equals(study.status())) {
            throw InvalidInputException.of("awardedOn", "该学历教育已于 " + study.awardedOn() + " 登记授予学位，不能重复登记");
        }
        if (awardedOn == null || awardedOn.isAfter(EngineClock.today()) || awardedOn.getYear() < study.startYear()) {
            throw InvalidInputException.of("awardedOn", "请填写授予学位日期 awardedOn：不早于入学年度 " + study.startYear()
                    + "，不晚于今天");
        }
        jdbc.sql("UPDATE degree_study SET status = 'AWARDED', awarded_on = ? WHERE id = ? AND status = 'STUDYING'")
                .params(awardedOn, studyId).update();
        for (int year = study.startYear(); year <= awardedOn.getYear(); year++) {
            postYear(year, study.cadreId(), actor.userId());
        }
        String ref = "AWARD-" + studyId;
        if (jdbc.sql("SELECT COUNT(*) FROM credit_entry WHERE cadre_id = ? AND source = 'DEGREE' AND source_ref = ?")
                .params(study.cadreId(), ref).query(Integer.class).single() == 0) {
            jdbc.sql("""
                    INSERT INTO credit_entry (cadre_id, credit_year, source, source_ref, credits, reason, posted_at,
                                              earned_on, recorded_by)
                    VALUES (?, ?, 'DEGREE', ?, ?, ?, ?, ?, ?)""")
                    .params(study.cadreId(), awardedOn.getYear(), ref, study.level().awardCredits(),
                            "学历教育（" + study.level().label() + "，" + study.programme() + "）于 " + awardedOn + " 获授学位，加 "
                                    + study.level().awardCredits() + " 学分",
                            Timestamp.valueOf(EngineClock.now()), awardedOn, actor.userId())
                    .update();
        }
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(studyId).query(DegreeStudies::map).single();
    }

    private void requireRecorderOf(Actor actor, long cadreId) {
        access.requireRecorder(actor);
        if (!access.mayRecordFor(actor, access.unitOf(cadreId))) {
            throw new AccessDeniedException("无权访问：该干部不属于本单位，不能为其登记学分");
        }
    }

    /** Posts the year for every programme, or (cadreId not null) for one cadre's. */
    private int postYear(int year, Long cadreId, String by) {
        JdbcClient.StatementSpec insert = jdbc.sql(cadreId == null ? POST_YEAR : POST_YEAR + " AND d.cadre_id = :cadreId")
                .param("year", year).param("ref", "STUDY-" + year).param("credits", CREDITS_PER_STUDY_YEAR)
                .param("now", Timestamp.valueOf(EngineClock.now())).param("by", by);
        return (cadreId == null ? insert : insert.param("cadreId", cadreId)).update();
    }

    private static final String COLUMNS = """
            SELECT id, cadre_id, degree_level, programme, start_year, status, awarded_on FROM degree_study""";

    private static DegreeStudy map(ResultSet rs, int row) throws SQLException {
        Date awarded = rs.getDate("awarded_on");
        return new DegreeStudy(rs.getLong("id"), rs.getLong("cadre_id"), DegreeLevel.valueOf(rs.getString("degree_level")),
                rs.getString("programme"), rs.getInt("start_year"), rs.getString("status"),
                awarded == null ? null : awarded.toLocalDate());
    }
}
