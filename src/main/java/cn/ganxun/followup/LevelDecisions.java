package cn.ganxun.followup;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import cn.ganxun.security.AsApplication;

/**
 * Evaluates a per-level reference table (indicators, source weights) as the application: the tables are
 * configuration, not case data, and the caller's right to the visit is checked by Ganxun; their own engine
 * authorizations (which grant no decision evaluation to the follow-up team or institutions) must not refuse it.
 */
@Component
class LevelDecisions {

    private final DecisionService decisions;
    private final AsApplication asApplication;

    LevelDecisions(DecisionService decisions, AsApplication asApplication) {
        this.decisions = decisions;
        this.asApplication = asApplication;
    }

    /** The decision's result rows for a trainee level (input variable {@code traineeLevel}). */
    List<Map<String, Object>> evaluate(String decisionKey, TraineeLevel level) {
        return asApplication.call(() -> decisions.evaluateDecisionByKey(decisionKey)
                .variables(Variables.createVariables().putValue("traineeLevel", level.name()))
                .evaluate().getResultList());
    }
}
