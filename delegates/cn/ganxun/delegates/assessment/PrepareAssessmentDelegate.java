package cn.ganxun.delegates.assessment;

import static cn.ganxun.assessment.AssessmentProcess.Vars.CLASS_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.ganxun.assessment.AssessmentStaff;
import cn.ganxun.assessment.ScoreService;
import cn.ganxun.platform.InvalidInputException;

/** 准备考核: copies the default 4+1 scheme unless the class has its own; the class must have a class teacher. */
@Component
class PrepareAssessmentDelegate implements JavaDelegate {

    private final ScoreService scores;
    private final AssessmentStaff staff;

    PrepareAssessmentDelegate(ScoreService scores, AssessmentStaff staff) {
        this.scores = scores;
        this.staff = staff;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long classId = (Long) execution.getVariable(CLASS_ID);
        if (staff.classTeachers(classId).isEmpty()) {
            throw InvalidInputException.of(CLASS_ID, "本班未指定班主任（class_staff），无法开始考核");
        }
        scores.prepareScheme(classId);
    }
}
