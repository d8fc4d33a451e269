package org.mitan.config;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mitan.intake.Requests;
import org.mitan.intake.ServiceRequestRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rules that hold for every model, present and future, whoever deploys it: added to each process definition as it
 * is parsed, so that no model can leave them out. The listeners are built-in ones: the engine runs them before the
 * model's own and also when a caller asks to skip custom listeners (Cockpit's cancel dialog does by default).
 * <ul>
 * <li>every user task: {@link TaskCompletionGuard} on completion;</li>
 * <li>processes not startable in Tasklist (the shared steps): {@link SharedStepStartGuard} on start;</li>
 * <li>every process: {@link CancelledRequestCloser} on end.</li>
 * </ul>
 */
@Component
class ProcessGuards extends AbstractProcessEnginePlugin {

    private final CancelledRequestCloser cancelledRequestCloser;

    ProcessGuards(ObjectProvider<ServiceRequestRepository> serviceRequests, ObjectProvider<Requests> requests) {
        this.cancelledRequestCloser = new CancelledRequestCloser(serviceRequests, requests);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new GuardsParseListener(new TaskCompletionGuard(), cancelledRequestCloser));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    static class GuardsParseListener extends AbstractBpmnParseListener {

        private final TaskListener completionGuard;
        private final ExecutionListener cancellation;

        GuardsParseListener(TaskListener completionGuard, ExecutionListener cancellation) {
            this.completionGuard = completionGuard;
            this.cancellation = cancellation;
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (!processDefinition.isStartableInTasklist()) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                        new SharedStepStartGuard(processDefinition.getKey()), 0);
            }
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, cancellation);
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                        completionGuard);
            }
        }
    }
}
