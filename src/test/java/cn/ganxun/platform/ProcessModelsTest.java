package cn.ganxun.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The conventions every model in {@code processes/} keeps (CONVENTIONS.md 1–4, 12): file name = process id, technical
 * ids with a type prefix, Chinese names on every task and event, history time to live, diagram data for every element
 * (so it opens cleanly in the Camunda Modeler), and every user task's form present in {@code forms/} under its id.
 */
class ProcessModelsTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern PREFIXED = Pattern.compile(
            "(StartEvent|Task|Gateway|EndEvent|Event|BoundaryEvent|CallActivity|SubProcess)_[A-Z][A-Za-z0-9]*");

    @Test
    void everyModelKeepsTheConventions() throws IOException {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
        assertThat(models).hasSizeGreaterThanOrEqualTo(8);
        List<String> problems = new ArrayList<>();
        for (Resource resource : models) {
            String file = resource.getFilename();
            BpmnModelInstance model;
            try (InputStream in = resource.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            Process process = model.getModelElementsByType(Process.class).iterator().next();
            check(problems, file.equals(process.getId() + ".bpmn"), file + ": file name is not the process id " + process.getId());
            check(problems, process.getCamundaHistoryTimeToLiveString() != null, file + ": no historyTimeToLive");
            List<String> drawn = new ArrayList<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
            model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                String id = element.getId();
                check(problems, drawn.contains(id), file + ": " + id + " has no diagram data");
                if (element instanceof FlowNode) {
                    check(problems, PREFIXED.matcher(id).matches(), file + ": id " + id + " lacks a type prefix");
                    check(problems, element instanceof Gateway || element.getName() != null && HAN.matcher(element.getName()).find(),
                            file + ": " + id + " has no Chinese name");
                } else if (element instanceof SequenceFlow) {
                    check(problems, id.startsWith("SequenceFlow_"), file + ": flow " + id + " lacks SequenceFlow_");
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String form = task.getCamundaFormRef();
                check(problems, form != null, file + ": user task " + task.getId() + " has no formRef");
                if (form != null) {
                    check(problems, form.equals(formId(form)), file + ": " + task.getId() + " refers to a missing form " + form);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String formId(String form) throws IOException {
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:forms/" + form + ".form");
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new ObjectMapper().readTree(in).path("id").asText(null);
        }
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
