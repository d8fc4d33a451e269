package org.mitan.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What an analyst needs to open a model in Camunda Modeler: a shape or edge for everything, names, readable IDs, and
 * shapes that do not lie on top of each other.
 */
class ModelDiagramTest {

    @ParameterizedTest
    @MethodSource("org.mitan.process.ProcessTestEngine#modelKeys")
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
                .matches("(Task|CallActivity|EventSubProcess|Gateway|StartEvent|EndEvent|BoundaryEvent|Timer|Flow)_[A-Z][A-Za-z]+"));
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class))
                .singleElement().satisfies(process -> {
                    assertThat(process.getId()).isEqualTo(key);
                    assertThat(process.isExecutable()).isTrue();
                    assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P3650D");
                    assertThat(process.getCamundaVersionTag()).matches("\\d+\\.\\d+\\.\\d+");
                });
    }

    /**
     * Shapes of flow nodes do not overlap, except a boundary event on its task and a node inside its (event)
     * subprocess, which must then lie wholly inside the subprocess's shape.
     */
    @ParameterizedTest
    @MethodSource("org.mitan.process.ProcessTestEngine#modelKeys")
    void noShapeLiesOnAnother(String key) throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/processes/" + key + ".bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .filter(shape -> shape.getBpmnElement() instanceof FlowNode)
                .filter(shape -> !(shape.getBpmnElement() instanceof BoundaryEvent))
                .toList();

        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                BpmnShape one = shapes.get(i);
                BpmnShape other = shapes.get(j);
                if (inside(one, other) || inside(other, one)) {
                    BpmnShape inner = inside(one, other) ? one : other;
                    BpmnShape outer = inner == one ? other : one;
                    assertThat(contains(outer.getBounds(), inner.getBounds()))
                            .as("%s lies within its subprocess %s", id(inner), id(outer)).isTrue();
                } else {
                    assertThat(overlap(one.getBounds(), other.getBounds()))
                            .as("%s and %s overlap", id(one), id(other)).isFalse();
                }
            }
        }
    }

    /** Whether the element of {@code inner} is nested in the subprocess drawn by {@code outer}. */
    private static boolean inside(BpmnShape inner, BpmnShape outer) {
        if (!(outer.getBpmnElement() instanceof SubProcess subProcess)) {
            return false;
        }
        for (ModelElementInstance parent = inner.getBpmnElement().getParentElement(); parent != null;
                parent = parent.getParentElement()) {
            if (parent == subProcess) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
                && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
                && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
    }

    private static String id(BpmnShape shape) {
        return shape.getBpmnElement().getId();
    }
}
