package cn.ganxun.credits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each row of processes/reward-credits.dmn (R22), evaluated by the DMN engine alone. */
class RewardCreditsDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = RewardCreditsDecisionTest.class.getResourceAsStream("/processes/reward-credits.dmn")) {
            decision = dmn.parseDecision(CreditClaimProcess.DECISION_REWARD_CREDITS, model);
        }
    }

    @ParameterizedTest(name = "R22 {0} {1} = {2}")
    @CsvSource({"BOOK,SOLE,10", "BOOK,CO_AUTHOR,5", "BOOK,CONTRIBUTOR,3", "ARTICLE,SOLE,5", "ARTICLE,CO_AUTHOR,3",
            "AWARD,FIRST,5", "AWARD,SECOND,4", "AWARD,THIRD,3", "AWARD,MERIT,2"})
    void r22_reward_credits(String kind, String role, double credits) {
        assertThat((Double) credits(kind, role)).isEqualTo(credits);
    }

    @ParameterizedTest(name = "R22 {0} {1} earns nothing")
    @CsvSource({"BOOK,FIRST", "ARTICLE,CONTRIBUTOR", "AWARD,SOLE"})
    void r22_combinations_outside_the_table_earn_nothing(String kind, String role) {
        assertThat(credits(kind, role)).isNull();
    }

    private static Object credits(String kind, String role) {
        return dmn.evaluateDecision(decision, Variables.createVariables().putValue("rewardKind", kind)
                .putValue("rewardRole", role)).getSingleEntry();
    }
}
