package cn.ganxun.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.ganxun.cadres.Unit;
import cn.ganxun.cadres.UnitRepository;
import cn.ganxun.notification.MailOutbox;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.platform.InvalidInputException;
import cn.ganxun.platform.InvalidInputException.Problem;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.Directory;
import cn.ganxun.security.Groups;

/**
 * Surveys (需求调研, R37): launched for target units (sub-units included) and a period, opened on the first day,
 * followed up by each unit's HR with response rates and reminders to the cadres who have not answered, closed after
 * the last day. Who answered is known (participation); what they answered never is (see {@link AnonymousAnswers}).
 */
@Service
@EnableConfigurationProperties(SurveyProperties.class)
public class SurveyService {

    /** The survey's target units and every unit below them; parameter: the survey id. */
    static final String TARGET_TREE = """
            WITH RECURSIVE tree (id) AS (
                SELECT unit_id FROM needs_survey_unit WHERE survey_id = ?
                UNION ALL
                SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id
            )
            """;
    private static final String SURVEYS = """
            SELECT id, questionnaire_id, title, opens_on, closes_on, status, schedule_id, created_by FROM needs_survey""";

    private final JdbcClient jdbc;
    private final QuestionnaireService questionnaires;
    private final AnonymousAnswers answers;
    private final UnitRepository units;
    private final RuntimeService runtimeService;
    private final MailOutbox outbox;
    private final Directory directory;

    SurveyService(JdbcClient jdbc, QuestionnaireService questionnaires, AnonymousAnswers answers, UnitRepository units,
            RuntimeService runtimeService, MailOutbox outbox, Directory directory) {
        this.jdbc = jdbc;
        this.questionnaires = questionnaires;
        this.answers = answers;
        this.units = units;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.directory = directory;
    }

    /**
     * Launches a survey and starts its {@code needs-survey} process (business key {@code NS<id>}). Refused, every
     * problem named, when the questionnaire is unknown, the title is missing, the period starts in the past or ends
     * before it starts, or a unit code is unknown.
     *
     * @return the survey id
     */
    @Transactional
    public long launch(NewSurvey survey, String actor, Long scheduleId) {
        if (survey == null) {
            throw InvalidInputException.of("survey", "请提供调研内容");
        }
        List<Problem> problems = new ArrayList<>();
        if (survey.questionnaireId() == null) {
            problems.add(new Problem("questionnaireId", "请选择调研问卷"));
        } else {
            questionnaires.find(survey.questionnaireId());
        }
        if (survey.title() == null || survey.title().isBlank() || survey.title().strip().length() > 200) {
            problems.add(new Problem("title", "请填写调研名称（不超过200字）"));
        }
        if (survey.opensOn() == null || survey.closesOn() == null) {
            problems.add(new Problem("opensOn", "请填写调研开始和截止日期"));
        } else if (survey.opensOn().isBefore(EngineClock.today())) {
            problems.add(new Problem("opensOn", "调研开始日期不能早于今天 " + EngineClock.today()));
        } else if (survey.closesOn().isBefore(survey.opensOn())) {
            problems.add(new Problem("closesOn", "调研截止日期不能早于开始日期"));
        }
        Set<Long> unitIds = new LinkedHashSet<>();
        if (survey.unitCodes() == null || survey.unitCodes().isEmpty()) {
            problems.add(new Problem("unitCodes", "请填写调研对象单位（单位代码）"));
        } else {
            for (String code : survey.unitCodes()) {
                units.findByCode(code == null ? "" : code.strip()).ifPresentOrElse(u -> unitIds.add(u.id()),
                        () -> problems.add(new Problem("unitCodes", "单位不存在：" + code)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO needs_survey (questionnaire_id, title, opens_on, closes_on, status, schedule_id, created_by, created_at)
                VALUES (?, ?, ?, ?, 'SCHEDULED', ?, ?, ?)""")
                .params(survey.questionnaireId(), survey.title().strip(), survey.opensOn(), survey.closesOn(), scheduleId,
                        actor, Timestamp.valueOf(EngineClock.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        unitIds.forEach(unitId -> jdbc.sql("INSERT INTO needs_survey_unit (survey_id, unit_id) VALUES (?, ?)")
                .params(id, unitId).update());
        NeedsSurvey created = find(id);
        String processInstanceId = runtimeService.createMessageCorrelation(NeedsSurveyProcess.MESSAGE_LAUNCHED)
                .processInstanceBusinessKey(created.number())
                .setVariable(NeedsSurveyProcess.Vars.SURVEY_ID, id)
                .setVariable(NeedsSurveyProcess.Vars.OPENS_AT, EngineClock.toDate(created.opensOn().atStartOfDay()))
                .setVariable(NeedsSurveyProcess.Vars.CLOSES_AT, EngineClock.toDate(created.closesOn().plusDays(1).atStartOfDay()))
                .correlateStartMessage().getId();
        jdbc.sql("UPDATE needs_survey SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
        return id;
    }

    /**
     * Opens the survey for answers (idempotent).
     *
     * @return the target units' ids as chosen (one unit HR follow-up each)
     */
    @Transactional
    public List<Long> open(long surveyId) {
        find(surveyId);
        jdbc.sql("UPDATE needs_survey SET status = 'OPEN' WHERE id = ? AND status = 'SCHEDULED'").param(surveyId).update();
        return targetUnits(surveyId).stream().map(Unit::id).toList();
    }

    /**
     * Closes the survey (idempotent): no answer is taken afterwards, and every answer set is re-written in random
     * order ({@link AnonymousAnswers#seal}).
     */
    @Transactional
    public void close(long surveyId) {
        String status = jdbc.sql("SELECT status FROM needs_survey WHERE id = ? FOR UPDATE").param(surveyId)
                .query(String.class).optional().orElseThrow(() -> new NotFoundException("需求调研不存在：" + surveyId));
        if (NeedsSurvey.CLOSED.equals(status)) {
            return;
        }
        jdbc.sql("UPDATE needs_survey SET status = 'CLOSED', closed_at = ? WHERE id = ?")
                .params(Timestamp.valueOf(EngineClock.now()), surveyId).update();
        answers.seal(surveyId);
    }

    public NeedsSurvey find(long surveyId) {
        return jdbc.sql(SURVEYS + " WHERE id = ?").param(surveyId).query(SurveyService::survey).optional()
                .orElseThrow(() -> new NotFoundException("需求调研不存在：" + surveyId));
    }

    /** The survey's {@code needs-survey} process instance. */
    public String processInstanceId(long surveyId) {
        return jdbc.sql("SELECT process_instance_id FROM needs_survey WHERE id = ?").param(surveyId).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("需求调研不存在：" + surveyId));
    }

    /** Every survey, newest first. */
    public List<NeedsSurvey> list() {
        return jdbc.sql(SURVEYS + " ORDER BY id DESC").query(SurveyService::survey).list();
    }

    /** The target units as chosen, by code. */
    public List<Unit> targetUnits(long surveyId) {
        return jdbc.sql("""
                SELECT u.code FROM needs_survey_unit s JOIN unit u ON u.id = s.unit_id WHERE s.survey_id = ? ORDER BY u.code""")
                .param(surveyId).query(String.class).list().stream()
                .map(code -> units.findByCode(code).orElseThrow()).toList();
    }

    /**
     * Response rates of every unit the survey reaches (target units and their sub-units), set-based: the unit's active
     * cadres and how many of them answered.
     */
    public List<ResponseRate> responseRates(long surveyId) {
        find(surveyId);
        return jdbc.sql(TARGET_TREE + """
                SELECT u.id, u.code, u.name, COUNT(c.id) AS targeted, COUNT(p.cadre_id) AS responded
                  FROM unit u
                  JOIN (SELECT DISTINCT id FROM tree) t ON t.id = u.id
                  LEFT JOIN cadre c ON c.unit_id = u.id AND c.status = 'ACTIVE'
                  LEFT JOIN survey_participation p ON p.survey_id = ? AND p.cadre_id = c.id
                 GROUP BY u.id, u.code, u.name
                 ORDER BY u.code""")
                .params(surveyId, surveyId)
                .query((rs, n) -> new ResponseRate(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getInt("targeted"), rs.getInt("responded")))
                .list();
    }

    /** The response rates of one unit and the units below it. */
    public List<ResponseRate> responseRates(long surveyId, long unitId) {
        Set<Long> subtree = units.withSubUnits(unitId);
        return responseRates(surveyId).stream().filter(r -> subtree.contains(r.unitId())).toList();
    }

    /**
     * Unit HR asks to remind the unit's cadres (with sub-units) who have not answered; refused once the survey closed.
     *
     * @return the chase id (its mails go out in {@link #sendChase})
     */
    @Transactional
    public long requestChase(long surveyId, long unitId, Actor actor) {
        if (!actor.inGroup(Groups.ORG_DEPT)
                && !(actor.inGroup(Groups.UNIT_HR) && actor.unitId() != null && units.withSubUnits(actor.unitId()).contains(unitId))) {
            throw new AccessDeniedException("无权访问：仅本单位组织人事部门或组织部门可催办本单位未答干部");
        }
        if (!NeedsSurvey.OPEN.equals(find(surveyId).status())) {
            throw InvalidInputException.rule("R37", "surveyId", "调研未在进行中，不能催办");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO survey_chase (survey_id, unit_id, requested_by, requested_at) VALUES (?, ?, ?, ?)")
                .params(surveyId, unitId, actor.userId(), Timestamp.valueOf(EngineClock.now())).update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * Sends a chase: one mail to each active cadre of the unit (with sub-units) who has not answered yet (the cadre's
     * e-mail and their accounts'), through the outbox under {@code needs-survey-chase:{chaseId}:{cadreId}}, so a
     * retried job sends no second copy.
     *
     * @return how many cadres were reminded
     */
    @Transactional
    public int sendChase(long chaseId) {
        record Chase(long surveyId, long unitId) {
        }
        Chase chase = jdbc.sql("SELECT survey_id, unit_id FROM survey_chase WHERE id = ?").param(chaseId)
                .query((rs, n) -> new Chase(rs.getLong("survey_id"), rs.getLong("unit_id"))).optional()
                .orElseThrow(() -> new NotFoundException("催办记录不存在：" + chaseId));
        NeedsSurvey survey = find(chase.surveyId());
        record Missing(long cadreId, String name, String email, String account) {
        }
        List<Missing> missing = jdbc.sql("""
                WITH RECURSIVE tree (id) AS (
                    SELECT id FROM unit WHERE id = ?
                    UNION ALL
                    SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id
                )
                SELECT c.id, c.name, c.email, b.user_id
                  FROM cadre c JOIN tree t ON t.id = c.unit_id LEFT JOIN account_binding b ON b.cadre_id = c.id
                 WHERE c.status = 'ACTIVE'
                   AND NOT EXISTS (SELECT 1 FROM survey_participation p WHERE p.survey_id = ? AND p.cadre_id = c.id)
                 ORDER BY c.id""")
                .params(chase.unitId(), chase.surveyId())
                .query((rs, n) -> new Missing(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("user_id")))
                .list();
        int reminded = 0;
        for (Missing cadre : missing) {
            Set<String> recipients = new LinkedHashSet<>();
            if (cadre.email() != null && !cadre.email().isBlank()) {
                recipients.add(cadre.email());
            }
            directory.emailOf(cadre.account()).ifPresent(recipients::add);
            if (recipients.isEmpty()) {
                continue;
            }
            outbox.send("needs-survey-chase:" + chaseId + ":" + cadre.cadreId(), recipients,
                    "【需求调研提醒】" + survey.title(),
                    cadre.name() + "同志：\n\n" + survey.title() + "将于 " + survey.closesOn() + " 截止，您尚未填写问卷。"
                            + "问卷匿名填写，答卷与本人无任何关联，每人只能提交一次。请登录干训系统填写。\n\n组织部干部教育培训科");
            reminded++;
        }
        jdbc.sql("UPDATE survey_chase SET reminded = ? WHERE id = ?").params(reminded, chaseId).update();
        return reminded;
    }

    /** How often and when a unit's HR chased, newest first: "时间 by 用户：n 人". */
    public List<String> chases(long surveyId, long unitId) {
        return jdbc.sql("""
                SELECT requested_at, requested_by, reminded FROM survey_chase WHERE survey_id = ? AND unit_id = ?
                 ORDER BY id DESC""")
                .params(surveyId, unitId)
                .query((rs, n) -> rs.getTimestamp("requested_at").toLocalDateTime().withNano(0) + " "
                        + rs.getString("requested_by") + "：提醒 " + (rs.getObject("reminded") == null ? "…" : rs.getInt("reminded")) + " 人")
                .list();
    }

    /** Whether the cadre has answered the survey. */
    public boolean answered(long surveyId, long cadreId) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_participation WHERE survey_id = ? AND cadre_id = ?")
                .params(surveyId, cadreId).query(Integer.class).single() > 0;
    }

    private static NeedsSurvey survey(ResultSet rs, int row) throws SQLException {
        return new NeedsSurvey(rs.getLong("id"), rs.getLong("questionnaire_id"), rs.getString("title"),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class), rs.getString("status"),
                rs.getObject("schedule_id", Long.class), rs.getString("created_by"));
    }
}
