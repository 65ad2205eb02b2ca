package cn.ganxun.survey;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.ganxun.cadres.Rank;
import cn.ganxun.platform.EngineClock;
import cn.ganxun.survey.NewQuestionnaire.NewQuestion;
import cn.ganxun.testsupport.TrainingFixtures;

/**
 * A questionnaire of four questions (R36: organisational single choice, positional scale, individual text, and an
 * individual multiple choice for leading cadres only, R37) and a unit with staff cadres, committed, for survey tests.
 */
final class SurveyFixture {

    final long questionnaireId;
    final Question organisational;
    final Question positional;
    final Question individualText;
    final Question leadersOnly;

    SurveyFixture(QuestionnaireService questionnaires) {
        questionnaireId = questionnaires.create(new NewQuestionnaire("干部教育培训需求调查问卷", "匿名填写", List.of(
                new NewQuestion(QuestionKind.ORGANISATIONAL, AnswerType.SINGLE_CHOICE, "本单位最需要加强的培训方向",
                        List.of("政治理论", "业务能力", "数字素养"), null, null, true),
                new NewQuestion(QuestionKind.POSITIONAL, AnswerType.SCALE, "现有培训与岗位需要的契合程度", null, null, null, true),
                new NewQuestion(QuestionKind.INDIVIDUAL, AnswerType.TEXT, "您个人最希望学习的内容", null, null, null, false),
                new NewQuestion(QuestionKind.INDIVIDUAL, AnswerType.MULTIPLE_CHOICE, "领导干部希望的培训形式",
                        List.of("专题讲座", "案例研讨", "异地考察"), List.of(SurveyLevel.LEADING), null, true))), "fixture");
        List<Question> questions = questionnaires.questions(questionnaireId);
        organisational = questions.get(0);
        positional = questions.get(1);
        individualText = questions.get(2);
        leadersOnly = questions.get(3);
    }

    /** A unit with {@code staff} active staff cadres; returns the unit id first, then the cadre ids. */
    static List<Long> unitWithCadres(TrainingFixtures fixtures, String name, int staff) {
        List<Long> ids = new ArrayList<>();
        ids.add(fixtures.unit(name));
        for (int i = 0; i < staff; i++) {
            ids.add(fixtures.cadre(ids.get(0), Rank.STAFF));
        }
        return ids;
    }

    static String code(JdbcClient jdbc, long unitId) {
        return jdbc.sql("SELECT code FROM unit WHERE id = ?").param(unitId).query(String.class).single();
    }

    /** A staff cadre's answers: option, scale, text. */
    List<NewAnswer> staffAnswers(int option, int scale, String text) {
        return List.of(new NewAnswer(organisational.id(), List.of(option), null, null),
                new NewAnswer(positional.id(), null, scale, null),
                new NewAnswer(individualText.id(), null, null, text));
    }

    /** Launches the survey and fires its opening timer (due today): the survey is OPEN, the unit HR tasks exist. */
    static long open(SurveyService surveys, ManagementService management, NewSurvey survey) {
        long id = surveys.launch(survey, "fixture", null);
        String instance = surveys.processInstanceId(id);
        Job opens = management.createJobQuery().processInstanceId(instance).timers()
                .activityId(NeedsSurveyProcess.Elements.EVENT_SURVEY_OPENS).singleResult();
        management.executeJob(opens.getId());
        return id;
    }

    /** A survey of the questionnaire, open from today for a week, for the units. */
    NewSurvey survey(String title, List<String> unitCodes) {
        return new NewSurvey(questionnaireId, title, EngineClock.today(), EngineClock.today().plusDays(6), unitCodes);
    }
}
