package org.mitan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an analyst needs to open a model in Camunda Modeler: a shape or edge for everything, names, readable IDs. */
class ModelDiagramTest {

    @ParameterizedTest
    @ValueSource(strings = {"birth-certificate", "doorstep-visit", "home-delivery"})
    void everyElementIsDrawnNamedAndHasAMeaningfulId(String key) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/processes/" + key + ".bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        Collection<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class);
        Set<String> drawnShapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> drawnEdges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

        assertThat(drawnShapes).containsAll(nodes.stream().map(BaseElement::getId).toList());
        assertThat(drawnEdges).containsAll(flows.stream().map(BaseElement::getId).toList());
        assertThat(nodes).allSatisfy(node -> assertThat(node.getName()).as(node.getId()).isNotBlank());
        assertThat(model.getModelElementsByType(FlowElement.class)).allSatisfy(element -> assertThat(element.getId())
                .as("generated id").doesNotMatch("(Activity|Flow|Gateway|Event|StartEvent|EndEvent)_[0-9a-z]{7}")
                .matches("(Task|CallActivity|Gateway|StartEvent|EndEvent|BoundaryEvent|Timer|Flow)_[A-Z][A-Za-z]+"));
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
                .singleElement().satisfies(process -> {
                    assertThat(process.getId()).isEqualTo(key);
                    assertThat(process.isExecutable()).isTrue();
                    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
                    assertThat(process.getCamundaVersionTag()).isEqualTo("1.0.0");
                });
    }
}
