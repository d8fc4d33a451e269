package org.mitan.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.mitan.catalogue.Catalogue;
import org.mitan.config.PublishedProcessBeans.GuardedExpressionManager;
import org.mitan.mitan.MitanHandover;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.text.PrintableCharacters;
import org.mitan.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Rules that hold for every model, present and future, whoever deploys it, and for every call a person makes to
 * the engine. Put in place as the engine is built, so that no model and no REST call can leave them out:
 * <ul>
 * <li>deployments: {@link ModelRules} refuses scripts, class names, event starts and unknown beans;
 * {@link DeploymentCompleteness} refuses a model whose forms, decisions or called processes will not be found;
 * {@link TypeDeploymentRules} refuses a certificate type whose tables miss a name, a step or a role;
 * {@link DeploymentOwnership} refuses a deployment that would change another type or the shared processes;
 * {@link ReadableDeployment} one with a file the engine cannot read, a FEEL text that does not parse or a tenant;
 * {@link FormFieldRules} a form field whose value no step can take; {@link PrintedTextRules} a name or label the
 * certificate cannot print;</li>
 * <li>expressions reach only the published process beans and plain values ({@link PublishedProcessBeans},
 * {@link ExpressionGuard});</li>
 * <li>engine commands a person asks for: {@link EngineCommandGuard} (start, modification, variables, identity
 * links, assignment);</li>
 * <li>every user task: {@link TaskCompletionGuard} on completion, {@link BodySupervision} on creation,
 * {@link TaskHistoryGrants} on completion and deletion, and {@link MitanTaskHandover} when a Mitan's task is given to
 * another Mitan
 * (built-in listeners: the engine runs them before the model's own and also when a caller asks to skip custom
 * listeners, as Cockpit's cancel dialog does by default);</li>
 * <li>processes not startable in Tasklist (the shared steps): {@link SharedStepStartGuard} on start;</li>
 * <li>every process: {@link CancelledRequestCloser} on end.</li>
 * </ul>
 * Candidate users and groups get only the permission to work on a task ({@code TASK_WORK}: claim and complete), not
 * to change who else may.
 */
@Component
class ProcessGuards extends AbstractProcessEnginePlugin {

    private final CancelledRequestCloser cancelledRequestCloser;
    private final PublishedProcessBeans publishedBeans;
    private final BodySupervision supervision;
    private final TaskRows taskRows;
    private final MitanTaskHandover handover;
    private final ObjectProvider<MitanHandover> mitanHandover;
    private final ObjectProvider<ServiceRequestRepository> serviceRequests;
    private final ObjectProvider<RequestAccess> requestAccess;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessGuards.class);

    private final ApplicationEventPublisher events;
    private final ObjectProvider<PrintableCharacters> printable;
    private ProcessEngineConfigurationImpl engine;

    ProcessGuards(ObjectProvider<ServiceRequestRepository> serviceRequests, ObjectProvider<Requests> requests,
            ObjectProvider<MitanHandover> handover, ObjectProvider<RequestAccess> requestAccess,
            ObjectProvider<PrintableCharacters> printable, ObjectProvider<Catalogue> catalogue,
            ConfigurableListableBeanFactory beans, ApplicationEventPublisher events) {
        this.events = events;
        this.requestAccess = requestAccess;
        this.printable = printable;
        this.cancelledRequestCloser = new CancelledRequestCloser(serviceRequests, requests);
        this.publishedBeans = new PublishedProcessBeans(beans);
        this.supervision = new BodySupervision(serviceRequests);
        this.taskRows = new TaskRows(serviceRequests, catalogue);
        this.handover = new MitanTaskHandover(handover);
        this.mitanHandover = handover;
        this.serviceRequests = serviceRequests;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.engine = configuration;
        configuration.setCmmnEnabled(false);
        configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
        configuration.setExpressionManager(new GuardedExpressionManager(publishedBeans));

        List<BpmnParseListener> listeners = new ArrayList<>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new ModelRules(publishedBeans::containsKey));
        listeners.add(new DeploymentCompleteness());
        listeners.add(new TypeDeploymentRules());
        listeners.add(new GuardsParseListener(new TaskCompletionGuard(), supervision, taskRows, handover,
                cancelledRequestCloser, serviceRequests));
        configuration.setCustomPostBPMNParseListeners(listeners);
        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(new DeploymentOwnership());
        deployers.add(new ReadableDeployment());
        deployers.add(new FormFieldRules());
        deployers.add(new PrintedTextRules(printable::getObject));
        configuration.setCustomPreDeployers(deployers);

        // One guard per chain: the engine links each interceptor to the next one of its own chain.
        FormFields forms = new FormFields(() -> engine);
        TaskAssignees assignees = new TaskAssignees(() -> engine, supervision);
        configuration.setCustomPreCommandInterceptorsTxRequired(with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), commandGuard(forms, assignees)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), commandGuard(forms, assignees)));
        configuration.setCustomPreCommandInterceptorsTxRequired(with(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new AfterDeployment(events)));
    }

    private EngineCommandGuard commandGuard(FormFields forms, TaskAssignees assignees) {
        return new EngineCommandGuard(() -> engine.getIdentityService(), this::groupsOf, forms, assignees,
                userId -> mitanHandover.getObject().isDeactivatedMitan(userId), new CommentAuthors(() -> engine,
                        (userId, groups, number) -> serviceRequests.getObject().findByRequestNumber(number)
                                .map(request -> requestAccess.getObject().mayAddTo(new Caller(userId, groups),
                                        request)).orElse(false)));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor added) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(added);
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }

    /** The groups the login carries; looked up when it carries none (a user id set without its groups). */
    private Set<String> groupsOf(Authentication authentication) {
        if (authentication.getGroupIds() != null) {
            return Set.copyOf(authentication.getGroupIds());
        }
        return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(
                () -> engine.getIdentityService().createGroupQuery().groupMember(authentication.getUserId()).list()
                        .stream().map(Group::getId).collect(Collectors.toSet())));
    }

    /**
     * Tells the application once a deployment is stored (outside its transaction): a new type may bring a role
     * whose groups and Tasklist filter the bodies need. Tells it too once a deployment is deleted: the catalogue
     * then forgets the versions it found.
     */
    static class AfterDeployment extends CommandInterceptor {

        private final ApplicationEventPublisher events;

        AfterDeployment(ApplicationEventPublisher events) {
            this.events = events;
        }

        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (command instanceof DeleteDeploymentCmd) {
                try {
                    events.publishEvent(new EngineSetup.DeploymentDeleted());
                } catch (RuntimeException e) {
                    // The deletion is stored; the catalogue asks the engine again within DeployedVersions.RECHECK.
                    LOG.warn("A deployment is deleted, but the catalogue could not be told: {}", e.getMessage(), e);
                }
            }
            if (command instanceof DeployCmd && result instanceof Deployment deployment) {
                try {
                    events.publishEvent(new EngineSetup.ModelsDeployed(deployment.getId()));
                } catch (RuntimeException e) {
                    // The deployment is stored; the groups follow at the next start or deployment.
                    LOG.warn("Deployment {} is made, but the role groups could not be brought up to date: {}",
                            deployment.getId(), e.getMessage(), e);
                }
            }
            return result;
        }
    }

    static class GuardsParseListener extends AbstractBpmnParseListener {

        private static final TaskListener HISTORY_GRANTS = new TaskHistoryGrants();
        private final TaskListener completionGuard;
        private final TaskListener supervision;
        private final TaskListener rows;
        private final TaskListener handover;
        private final ExecutionListener cancellation;
        private final ObjectProvider<ServiceRequestRepository> serviceRequests;

        GuardsParseListener(TaskListener completionGuard, TaskListener supervision, TaskListener rows,
                TaskListener handover, ExecutionListener cancellation,
                ObjectProvider<ServiceRequestRepository> serviceRequests) {
            this.completionGuard = completionGuard;
            this.supervision = supervision;
            this.rows = rows;
            this.handover = handover;
            this.cancellation = cancellation;
            this.serviceRequests = serviceRequests;
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (!processDefinition.isStartableInTasklist()) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                        new SharedStepStartGuard(processDefinition.getKey(), serviceRequests), 0);
            }
            processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, cancellation);
        }

        @Override
        public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                        completionGuard);
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, HISTORY_GRANTS);
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, HISTORY_GRANTS);
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, supervision);
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, rows);
                userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, handover);
            }
        }
    }
}
