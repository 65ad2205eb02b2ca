package cn.ganxun.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.ganxun.cadres.Rank;

/** Each row of processes/follow-up-indicators.dmn and processes/post-evaluation-weights.dmn, on the DMN engine alone. */
class IndicatorDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision indicators;
    private static DmnDecision weights;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream model = IndicatorDecisionTest.class.getResourceAsStream("/processes/follow-up-indicators.dmn")) {
            indicators = dmn.parseDecision(IndicatorCatalog.DECISION, model);
        }
        try (InputStream model = IndicatorDecisionTest.class.getResourceAsStream("/processes/post-evaluation-weights.dmn")) {
            weights = dmn.parseDecision(PostEvaluation.DECISION, model);
        }
    }

    private static List<Map<String, Object>> indicators(TraineeLevel level) {
        return dmn.evaluateDecision(indicators, Variables.createVariables().putValue("traineeLevel", level.name()))
                .getResultList();
    }

    private static Map<String, Object> weights(TraineeLevel level) {
        return dmn.evaluateDecision(weights, Variables.createVariables().putValue("traineeLevel", level.name()))
                .getSingleResult().getEntryMap();
    }

    @Test
    void r29_leadersAreJudgedOnTurningDecisionsIntoResults() {
        assertThat(indicators(TraineeLevel.LEADER))
                .extracting(r -> r.get("code"), r -> r.get("name"), r -> r.get("kind"))
                .containsExactly(tuple("DECISION_RESULTS", "决策部署转化成效", "QUANTIFIED"),
                        tuple("POLITICAL_QUALITY", "政治素质提升", "SUBJECTIVE"),
                        tuple("APPLIED_LEARNING", "学以致用", "SUBJECTIVE"));
    }

    @Test
    void r29_grassrootsCadresAreJudgedOnServiceSatisfactionAndPolicyExecution() {
        assertThat(indicators(TraineeLevel.GRASSROOTS))
                .extracting(r -> r.get("code"), r -> r.get("name"), r -> r.get("kind"))
                .containsExactly(tuple("SERVICE_SATISFACTION", "群众服务满意度", "SUBJECTIVE"),
                        tuple("POLICY_EXECUTION", "政策执行率", "QUANTIFIED"),
                        tuple("APPLIED_LEARNING", "学以致用", "SUBJECTIVE"));
    }

    @Test
    void r29_everyIndicatorIsScoredZeroToHundred() {
        for (TraineeLevel level : TraineeLevel.values()) {
            assertThat(indicators(level)).allSatisfy(r -> {
                assertThat(r.get("minScore")).isEqualTo(0.0);
                assertThat(r.get("maxScore")).isEqualTo(100.0);
            });
        }
    }

    @Test
    void r29_weightsPerLevelAddUpToOne() {
        assertThat(weights(TraineeLevel.LEADER)).containsEntry("selfWeight", 0.1).containsEntry("colleaguesWeight", 0.3)
                .containsEntry("unitLeaderWeight", 0.4).containsEntry("publicWeight", 0.2);
        assertThat(weights(TraineeLevel.GRASSROOTS)).containsEntry("selfWeight", 0.1).containsEntry("colleaguesWeight", 0.2)
                .containsEntry("unitLeaderWeight", 0.3).containsEntry("publicWeight", 0.4);
        for (TraineeLevel level : TraineeLevel.values()) {
            assertThat(weights(level).values().stream().mapToDouble(v -> (Double) v).sum()).isCloseTo(1.0, Offset.offset(1e-9));
        }
    }

    @Test
    void r29_staffAreGrassrootsAndEveryOtherRankLeads() {
        assertThat(TraineeLevel.of(Rank.STAFF)).isEqualTo(TraineeLevel.GRASSROOTS);
        for (Rank rank : Rank.values()) {
            if (rank != Rank.STAFF) {
                assertThat(TraineeLevel.of(rank)).isEqualTo(TraineeLevel.LEADER);
            }
        }
        assertThat(TraineeLevel.LEADER.label()).isEqualTo("领导干部");
        assertThat(TraineeLevel.GRASSROOTS.label()).isEqualTo("基层干部");
    }
}
