package cn.ganxun.delegates.needssurvey;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

import cn.ganxun.survey.NeedsSurveyProcess.Vars;

/** Typed reads and writes of {@code needs-survey}'s variables shared by its delegates and listeners. */
final class SurveyVars {

    private SurveyVars() {
    }

    static long surveyId(VariableScope scope) {
        return id(scope, Vars.SURVEY_ID);
    }

    static long id(VariableScope scope, String name) {
        return ((Number) scope.getVariable(name)).longValue();
    }

    /** A list of ids as a JSON variable, for a multi-instance collection. */
    static ObjectValue ids(List<Long> ids) {
        return Variables.objectValue(new ArrayList<>(ids)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
                .create();
    }
}
