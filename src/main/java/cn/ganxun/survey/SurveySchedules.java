package cn.ganxun.survey;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;

/**
 * R38: surveys on a cycle (by default every half year): a schedule launches a new survey from its questionnaire on its
 * next run day; {@code needs-survey}'s daily timer start event calls {@link #launchDue}.
 */
@Service
public class SurveySchedules {

    private final JdbcClient jdbc;
    private final SurveyService surveys;
    private final QuestionnaireService questionnaires;
    private final UnitRepository units;
    private final SurveyProperties properties;

    SurveySchedules(JdbcClient jdbc, SurveyService surveys, QuestionnaireService questionnaires, UnitRepository units,
            SurveyProperties properties) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.questionnaires = questionnaires;
        this.units = units;
        this.properties = properties;
    }

    /** A schedule as the org department sets it; every-months and open-days default to the settings. */
    public record NewSchedule(Long questionnaireId, String title, List<String> unitCodes, LocalDate firstRunOn,
            Integer everyMonths, Integer openDays) {
    }

    public record Schedule(long id, long questionnaireId, String title, List<String> unitCodes, int everyMonths,
            int openDays, LocalDate nextRunOn, boolean active) {
    }

    /** Stores a schedule; refused, every problem named, for an unknown questionnaire or unit, or a day in the past. */
    @Transactional
    public long create(NewSchedule schedule, String actor) {
        if (schedule == null) {
            throw InvalidInputException.of("schedule", "请提供调研周期设置");
        }
        List<Problem> problems = new ArrayList<>();
        if (schedule.questionnaireId() == null) {
            problems.add(new Problem("questionnaireId", "请选择调研问卷"));
        } else {
            questionnaires.find(schedule.questionnaireId());
        }
        if (schedule.title() == null || schedule.title().isBlank() || schedule.title().strip().length() > 180) {
            problems.add(new Problem("title", "请填写调研名称（不超过180字）"));
        }
        List<String> codes = schedule.unitCodes() == null ? List.of()
                : schedule.unitCodes().stream().map(c -> c == null ? "" : c.strip()).toList();
        if (codes.isEmpty()) {
            problems.add(new Problem("unitCodes", "请填写调研对象单位（单位代码）"));
        }
        codes.stream().filter(c -> units.findByCode(c).isEmpty())
                .forEach(c -> problems.add(new Problem("unitCodes", "单位不存在：" + c)));
        LocalDate first = schedule.firstRunOn() == null ? EngineClock.today() : schedule.firstRunOn();
        if (first.isBefore(EngineClock.today())) {
            problems.add(new Problem("firstRunOn", "首次调研日期不能早于今天"));
        }
        int every = schedule.everyMonths() == null ? properties.everyMonths() : schedule.everyMonths();
        int open = schedule.openDays() == null ? properties.openDays() : schedule.openDays();
        if (every < 1 || every > 24) {
            problems.add(new Problem("everyMonths", "R38：调研周期为1至24个月（半年一次为6）"));
        }
        if (open < 1 || open > 366 || open > every * 28) {
            problems.add(new Problem("openDays", "每次调研开放1至366天，且短于调研周期"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO needs_survey_schedule (questionnaire_id, title, unit_codes, every_months, open_days, next_run_on,
                                                   active, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
                .params(schedule.questionnaireId(), schedule.title().strip(), String.join(",", codes), every, open, first,
                        actor, Timestamp.valueOf(EngineClock.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    public List<Schedule> list() {
        return jdbc.sql("""
                SELECT id, questionnaire_id, title, unit_codes, every_months, open_days, next_run_on, active
                  FROM needs_survey_schedule ORDER BY id""")
                .query((rs, n) -> new Schedule(rs.getLong("id"), rs.getLong("questionnaire_id"), rs.getString("title"),
                        Arrays.asList(rs.getString("unit_codes").split(",")), rs.getInt("every_months"),
                        rs.getInt("open_days"), rs.getObject("next_run_on", LocalDate.class), rs.getBoolean("active")))
                .list();
    }

    /** Stops a schedule; surveys it launched run on. */
    @Transactional
    public void deactivate(long scheduleId) {
        jdbc.sql("UPDATE needs_survey_schedule SET active = FALSE WHERE id = ?").param(scheduleId).update();
    }

    /**
     * R38: launches one survey for every active schedule whose next run day has come (open from today for its open
     * days) and moves the schedule on by its cycle (past today, so a long pause never launches a burst).
     *
     * @return the ids of the surveys launched
     */
    @Transactional
    public List<Long> launchDue() {
        LocalDate today = EngineClock.today();
        List<Schedule> due = jdbc.sql("""
                SELECT id, questionnaire_id, title, unit_codes, every_months, open_days, next_run_on, active
                  FROM needs_survey_schedule WHERE active = TRUE AND next_run_on <= ? ORDER BY id FOR UPDATE""")
                .param(today)
                .query((rs, n) -> new Schedule(rs.getLong("id"), rs.getLong("questionnaire_id"), rs.getString("title"),
                        Arrays.asList(rs.getString("unit_codes").split(",")), rs.getInt("every_months"),
                        rs.getInt("open_days"), rs.getObject("next_run_on", LocalDate.class), rs.getBoolean("active")))
                .list();
        List<Long> launched = new ArrayList<>();
        for (Schedule schedule : due) {
            String half = today.getYear() + "年" + (today.getMonthValue() <= 6 ? "上半年" : "下半年");
            launched.add(surveys.launch(new NewSurvey(schedule.questionnaireId(), schedule.title() + "（" + half + "）",
                    today, today.plusDays(schedule.openDays() - 1L), schedule.unitCodes()), "system", schedule.id()));
            LocalDate next = schedule.nextRunOn();
            while (!next.isAfter(today)) {
                next = next.plusMonths(schedule.everyMonths());
            }
            jdbc.sql("UPDATE needs_survey_schedule SET next_run_on = ? WHERE id = ?").params(next, schedule.id()).update();
        }
        return launched;
    }
}
