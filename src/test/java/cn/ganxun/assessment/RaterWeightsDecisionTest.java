package cn.ganxun.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each row of processes/rater-weights.dmn, evaluated by the DMN engine alone. */
class RaterWeightsDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = RaterWeightsDecisionTest.class.getResourceAsStream("/processes/rater-weights.dmn")) {
            decision = dmn.parseDecision(AssessmentProcess.DECISION_RATER_WEIGHTS, model);
        }
    }

    private static DmnDecisionResult evaluate(String classType) {
        return dmn.evaluateDecision(decision, Variables.createVariables().putValue("classType", classType));
    }

    @Test
    void r19_oneWeightPerRaterKind() {
        assertThat(evaluate("TRAINING").getResultList())
                .extracting(r -> r.get("raterKind"), r -> r.get("weight"))
                .containsExactly(tuple("CLASS_TEACHER", 0.4), tuple("LECTURER", 0.3), tuple("LIAISON", 0.1),
                        tuple("PEER", 0.2));
    }

    @Test
    void r19_weightsAddUpToOneAndCoverEveryRaterKind() {
        DmnDecisionResult result = evaluate("TRAINING");
        assertThat(result.getResultList().stream().mapToDouble(r -> (Double) r.get("weight")).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.getResultList()).extracting(r -> RaterKind.valueOf((String) r.get("raterKind")))
                .containsExactlyInAnyOrder(RaterKind.values());
    }

    @Test
    void r19_weightsApplyToAnyClassType() {
        assertThat(evaluate("SEMINAR").getResultList()).hasSize(4);
        assertThat(evaluate(null).getResultList()).hasSize(4);
    }
}
