package cn.ganxun.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row of processes/grade-thresholds.dmn (R20), evaluated by the DMN engine alone. */
class GradeThresholdsDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = GradeThresholdsDecisionTest.class.getResourceAsStream("/processes/grade-thresholds.dmn")) {
            decision = dmn.parseDecision(AssessmentProcess.DECISION_GRADE_THRESHOLDS, model);
        }
    }

    private static String grade(double result, boolean completed) {
        return dmn.evaluateDecision(decision, Variables.createVariables().putValue("result", result)
                .putValue("completed", completed)).getSingleResult().getEntry("grade");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"110, EXCELLENT", "90, EXCELLENT", "89.99, GOOD", "80, GOOD", "79.99, PASS", "60, PASS",
            "59.99, FAIL", "0, FAIL"})
    void r20_gradeThresholds(double result, String grade) {
        assertThat(grade(result, true)).isEqualTo(grade);
    }

    @Test
    void r20_aTraineeWhoDidNotCompleteFailsWhateverTheResult() {
        assertThat(grade(99, false)).isEqualTo("FAIL");
    }

    @Test
    void r20_everyGradeIsAGradeConstantWithItsChineseLabel() {
        for (double result : new double[] {95, 85, 65, 10}) {
            var entry = dmn.evaluateDecision(decision, Variables.createVariables().putValue("result", result)
                    .putValue("completed", true)).getSingleResult();
            Grade grade = Grade.valueOf(entry.getEntry("grade"));
            assertThat((String) entry.getEntry("gradeLabel")).isEqualTo(grade.label());
        }
    }
}
