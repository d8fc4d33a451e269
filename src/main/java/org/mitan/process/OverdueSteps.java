package org.mitan.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * Which step a reminder is about, read from the model rather than typed into it: the task whose "overdue" boundary
 * timer started the reminder's path, or the whole service when the path starts in an event sub-process (the legal
 * time limit). Renaming a task in Modeler renames it in the reminders; the type's steps table names it for people.
 */
public final class OverdueSteps {

    /** The step of a reminder about the legal time limit of the whole service. */
    public static final String WHOLE_SERVICE = "wholeService";

    private OverdueSteps() {
    }

    /** The overdue task's id, {@link #WHOLE_SERVICE}, or null when the execution's step follows no timer. */
    public static String of(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (!(element instanceof FlowNode node)) {
            return null;
        }
        for (SequenceFlow incoming : node.getIncoming()) {
            FlowNode source = incoming.getSource();
            if (source instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
                return boundary.getAttachedTo().getId();
            }
            if (source instanceof StartEvent && source.getParentElement() instanceof SubProcess subProcess
                    && subProcess.triggeredByEvent()) {
                return WHOLE_SERVICE;
            }
        }
        return null;
    }
}
