package cn.ganxun.classes;

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

/** Each row of processes/filing-rules.dmn, evaluated by the DMN engine alone. */
class FilingRulesDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = FilingRulesDecisionTest.class.getResourceAsStream("/processes/filing-rules.dmn")) {
            decision = dmn.parseDecision(ClassFilingProcess.DECISION_FILING_RULES, model);
        }
    }

    private static DmnDecisionResult evaluate(int participants, long daysBeforeStart, boolean partySchool, double share) {
        return dmn.evaluateDecision(decision, Variables.createVariables()
                .putValue("participants", participants)
                .putValue("daysBeforeStart", daysBeforeStart)
                .putValue("partySchool", partySchool)
                .putValue("partyShare", share));
    }

    @Test
    void r13_thirtyOrMoreParticipantsNeedApproval() {
        assertThat(evaluate(30, 45, false, 0.2).getResultList())
                .extracting(r -> r.get("ruleId"), r -> r.get("finding"), r -> r.get("consequence"))
                .containsExactly(tuple("R13", "APPROVAL_REQUIRED", "REVIEW"));
    }

    @Test
    void r13_fewerThanThirtyParticipantsAreOnlyRecorded() {
        assertThat(evaluate(29, 3, false, 0.2).getResultList())
                .extracting(r -> r.get("finding"), r -> r.get("consequence"))
                .containsExactly(tuple("RECORDING_ONLY", "RECORD"));
    }

    @Test
    void r13_filingLessThanThirtyDaysBeforeStartNeedsOverride() {
        assertThat(evaluate(40, 29, false, 0.2).getResultList())
                .extracting(r -> r.get("finding"), r -> r.get("consequence"))
                .containsExactly(tuple("APPROVAL_REQUIRED", "REVIEW"), tuple("LATE_FILING", "OVERRIDE"));
    }

    @Test
    void r13_filingExactlyThirtyDaysBeforeStartIsOnTime() {
        assertThat(evaluate(40, 30, false, 0.2).getResultList())
                .extracting(r -> r.get("finding"))
                .containsExactly("APPROVAL_REQUIRED");
    }

    @Test
    void r15_partySchoolClassBelowSeventyPercentPartyHoursIsReturned() {
        assertThat(evaluate(40, 60, true, 0.69).getResultList())
                .extracting(r -> r.get("ruleId"), r -> r.get("consequence"))
                .contains(tuple("R15", "RETURN"));
    }

    @Test
    void r15_partySchoolClassWithSeventyPercentPasses() {
        assertThat(evaluate(40, 60, true, 0.7).getResultList())
                .extracting(r -> r.get("ruleId"))
                .doesNotContain("R15");
    }

    @Test
    void r15_doesNotApplyOutsidePartySchools() {
        assertThat(evaluate(20, 60, false, 0.0).getResultList())
                .extracting(r -> r.get("ruleId"))
                .containsExactly("R13");
    }

    @Test
    void everyFindingCarriesAChineseMessage() {
        assertThat(evaluate(40, 10, true, 0.1).getResultList())
                .hasSize(3)
                .allSatisfy(r -> assertThat((String) r.get("message")).isNotBlank().containsPattern("[\\u4e00-\\u9fa5]"));
    }
}
