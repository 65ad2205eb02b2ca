package cn.ganxun.followup;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates a per-level reference table (indicators, source weights) as the application: the tables are
 * configuration, not case data, and the caller's right to the visit is checked by Ganxun; their own engine
 * authorizations (which grant no decision evaluation to the follow-up team or institutions) must not refuse it.
 */
@Component
class LevelDecisions {

    private final DecisionService decisions;
    private final IdentityService identityService;

    LevelDecisions(DecisionService decisions, IdentityService identityService) {
        this.decisions = decisions;
        this.identityService = identityService;
    }

    /** The decision's result rows for a trainee level (input variable {@code traineeLevel}). */
    List<Map<String, Object>> evaluate(String decisionKey, TraineeLevel level) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return decisions.evaluateDecisionByKey(decisionKey)
                    .variables(Variables.createVariables().putValue("traineeLevel", level.name()))
                    .evaluate().getResultList();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
