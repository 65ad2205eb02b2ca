package cn.ganxun.classes;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Opens the lifecycle of an approved or recorded class: one {@code training-class} instance per class number. */
@Service
public class TrainingClassLifecycle {

    private final ClassFilingService filings;
    private final RuntimeService runtimeService;

    TrainingClassLifecycle(ClassFilingService filings, RuntimeService runtimeService) {
        this.filings = filings;
        this.runtimeService = runtimeService;
    }

    /** Starts the class's lifecycle unless it runs already; returns its process instance id. */
    public String open(long classId) {
        TrainingClass trainingClass = filings.find(classId);
        if (trainingClass.status() != ClassStatus.APPROVED && trainingClass.status() != ClassStatus.RECORDED) {
            throw new IllegalStateException("class " + trainingClass.classNumber() + " is " + trainingClass.status());
        }
        ProcessInstance running = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(TrainingClassProcess.KEY)
                .processInstanceBusinessKey(trainingClass.classNumber())
                .singleResult();
        if (running != null) {
            return running.getId();
        }
        return runtimeService.startProcessInstanceByKey(TrainingClassProcess.KEY, trainingClass.classNumber(),
                Map.of(TrainingClassProcess.Vars.CLASS_ID, classId)).getId();
    }
}
