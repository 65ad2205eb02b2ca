package cn.ganxun.delegates.classfiling;

import static cn.ganxun.classes.ClassFilingProcess.Vars.*;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.classes.ClassFilingService;
import cn.ganxun.classes.TrainingClass;
import cn.ganxun.delegates.ActingUser;
import cn.ganxun.security.Groups;

/** 保存申报信息: stores the submitted filing form (new or revised) and keeps only its id in the process. */
@Component
class SaveFilingDelegate implements JavaDelegate {

    private final ClassFilingService filings;

    SaveFilingDelegate(ClassFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> form = new LinkedHashMap<>();
        FILING_FIELDS.forEach(field -> form.put(field, execution.getVariable(field)));
        Long classId = (Long) execution.getVariable(CLASS_ID);
        TrainingClass saved = filings.saveFromForm(classId, form, ActingUser.of(execution));
        if (classId == null) {
            execution.setProcessBusinessKey(saved.classNumber());
            filings.attachProcessInstance(saved.id(), execution.getProcessInstanceId());
        }
        execution.setVariable(CLASS_ID, saved.id());
        execution.setVariable(INSTITUTION_GROUP, Groups.institution(saved.institutionCode()));
        execution.removeVariables(FILING_FIELDS);
        execution.removeVariables(REVIEW_DISPLAY);
    }
}
