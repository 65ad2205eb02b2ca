package cn.ganxun.classdossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

import cn.ganxun.classes.TrainingClassProcess;
import cn.ganxun.followup.FollowUpProcess;
import cn.ganxun.platform.NotFoundException;
import cn.ganxun.security.Actor;
import cn.ganxun.security.AsApplication;

/**
 * The BPMN diagram of a class with where it stands: its {@code training-class} instance (the latest one for the class
 * number), or a {@code follow-up} started on its own, or, before approval, its {@code class-filing} instance; the active activities of the instance and of the
 * sub-processes it calls right now (assessment, follow-up, the mandates). Read as the application after the class
 * page's access check (the caller may lack Camunda's own history and definition grants).
 */
@Service
class ClassDiagramService {

    private final ClassDossierService dossier;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final AsApplication asApplication;

    ClassDiagramService(ClassDossierService dossier, RepositoryService repositoryService, RuntimeService runtimeService,
            HistoryService historyService, AsApplication asApplication) {
        this.dossier = dossier;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.asApplication = asApplication;
    }

    record CalledProcess(String key, String name, String processInstanceId, List<String> activeActivityIds) {
    }

    record Diagram(String processInstanceId, String processDefinitionId, String processDefinitionKey, String bpmnXml,
            List<String> activeActivityIds, List<CalledProcess> calledProcesses, boolean ended) {
    }

    Diagram diagram(Actor actor, long classId) {
        ClassRow row = dossier.open(actor, classId).row();
        return asApplication.call(() -> {
            HistoricProcessInstance instance = lifecycle(row);
            boolean ended = instance.getEndTime() != null;
            List<String> active = ended ? List.of() : runtimeService.getActiveActivityIds(instance.getId());
            List<CalledProcess> called = ended ? List.of() : runtimeService.createProcessInstanceQuery()
                    .superProcessInstanceId(instance.getId()).list().stream()
                    .map(sub -> {
                        ProcessDefinition definition = repositoryService.getProcessDefinition(sub.getProcessDefinitionId());
                        return new CalledProcess(definition.getKey(), definition.getName(), sub.getId(),
                                runtimeService.getActiveActivityIds(sub.getId()));
                    })
                    .toList();
            return new Diagram(instance.getId(), instance.getProcessDefinitionId(), instance.getProcessDefinitionKey(),
                    xml(instance.getProcessDefinitionId()), active, called, ended);
        });
    }

    /**
     * The instance to show: the class's latest training-class instance; else a follow-up started on its own (the demo
     * class in follow-up); else its class-filing instance.
     */
    private HistoricProcessInstance lifecycle(ClassRow row) {
        for (String key : List.of(TrainingClassProcess.KEY, FollowUpProcess.KEY)) {
            List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(key).processInstanceBusinessKey(row.classNumber())
                    .orderByProcessInstanceStartTime().desc().listPage(0, 1);
            if (!instances.isEmpty()) {
                return instances.get(0);
            }
        }
        if (row.filingProcessInstanceId() != null) {
            HistoricProcessInstance filing = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(row.filingProcessInstanceId()).singleResult();
            if (filing != null) {
                return filing;
            }
        }
        throw new NotFoundException("该班次没有流程实例：" + row.classNumber());
    }

    private String xml(String processDefinitionId) {
        try (InputStream in = repositoryService.getProcessModel(processDefinitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
