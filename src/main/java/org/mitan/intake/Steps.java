package org.mitan.intake;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.catalogue.Step;
import org.mitan.process.EngineCalls;
import org.mitan.process.ProcessBean;
import org.mitan.request.ProcessRequest;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.web.Roles;

/**
 * {@code steps}: who works on a request's task, by when, and how long the whole service may take, from the request's
 * type ({@code <key>-steps} and {@code <key>-service} tables, read by the {@link Catalogue}) and its urban body (the
 * request row). Every user task of every model asks the same way; the task's own id picks its row of the steps
 * table:
 * <pre>
 * camunda:candidateGroups="${steps.group(execution)}"   the step's role at the request's body, e.g. clerk-RPR
 * camunda:dueDate="${steps.dueDate(execution)}"          now plus the step's days
 * &lt;timeDuration&gt;${steps.reminder(execution)}&lt;/timeDuration&gt;      on the step's "overdue" timer, e.g. P2D
 * &lt;timeDuration&gt;${steps.legalTimeLimit(execution)}&lt;/timeDuration&gt; the whole service's limit, e.g. P7D
 * ${steps.maxVisits(execution)}                           visits before an unanswered request is closed
 * </pre>
 * Nothing is read from process variables: anyone who works a task can overwrite those with the form they submit.
 * The request is the process instance's business key ({@link ProcessRequest}); type and body come from its row.
 */
@ProcessBean("steps")
public class Steps {

    private final Requests requests;
    private final Catalogue catalogue;
    private final RepositoryService repository;
    private final IdentityService identity;

    public Steps(Requests requests, Catalogue catalogue, RepositoryService repository, IdentityService identity) {
        this.requests = requests;
        this.catalogue = catalogue;
        this.repository = repository;
        this.identity = identity;
    }

    /** The candidate group of the execution's current task: the step's role at the request's body. */
    public String group(DelegateExecution execution) {
        return group(execution, execution.getCurrentActivityId());
    }

    /** The candidate group of the named step: its role at the request's body, e.g. {@code clerk-RPR}. */
    public String group(DelegateExecution execution, String taskId) {
        ServiceRequest request = requests.require(ProcessRequest.numberOf(execution));
        Step step = step(request.getCertificateType(), taskId);
        if (!step.hasRole()) {
            throw new IllegalStateException("The steps table of certificate type '" + request.getCertificateType()
                    + "' names no role for task " + taskId + " (request " + request.getRequestNumber()
                    + "): fill in its role column and deploy the type");
        }
        return Roles.ofBody(step.role(), request.getBodyCode());
    }

    /** The group of the supervisors of the execution's request's body, e.g. {@code supervisor-RPR}. */
    public String supervisorGroup(DelegateExecution execution) {
        return Roles.ofBody(Roles.SUPERVISOR, requests.require(ProcessRequest.numberOf(execution)).getBodyCode());
    }

    /** When the execution's current task is due: now plus the step's days. */
    public Date dueDate(DelegateExecution execution) {
        int days = stepOf(execution, execution.getCurrentActivityId()).dueDays();
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)));
    }

    /** The step's days as an ISO duration, for the timer that reminds the supervisor, e.g. {@code P2D}. */
    public String reminder(DelegateExecution execution) {
        return reminder(execution, execution.getCurrentActivityId());
    }

    /** As {@link #reminder(DelegateExecution)}, for the named task (a timer attached to it). */
    public String reminder(DelegateExecution execution, String taskId) {
        return "P" + stepOf(execution, taskId).dueDays() + "D";
    }

    /**
     * The legal time limit of the whole service, e.g. {@code P7D}. Asked as the certificate process starts, before
     * a request registered from the Tasklist start form has a row: the type is the process's own key.
     */
    public String legalTimeLimit(DelegateExecution execution) {
        String key = EngineCalls.withoutAuthentication(identity,
                () -> repository.getProcessDefinition(execution.getProcessDefinitionId()).getKey());
        return "P" + catalogue.require(key).legalDueDays() + "D";
    }

    /** Visits a Mitan makes before an unanswered request is closed. */
    public int maxVisits(DelegateExecution execution) {
        return typeOf(execution).maxVisits();
    }

    private Step stepOf(DelegateExecution execution, String taskId) {
        return step(requests.require(ProcessRequest.numberOf(execution)).getCertificateType(), taskId);
    }

    private CertificateType typeOf(DelegateExecution execution) {
        return catalogue.require(requests.require(ProcessRequest.numberOf(execution)).getCertificateType());
    }

    /** The task's row; looked for again in the tables as deployed now when the remembered ones have none. */
    private Step step(String certificateType, String taskId) {
        return catalogue.require(certificateType).step(taskId)
                .or(() -> catalogue.typeNow(certificateType).flatMap(type -> type.step(taskId)))
                .orElseThrow(() -> new IllegalStateException("The steps table of certificate type '"
                        + certificateType + "' has no row for task " + taskId + ": add one (role, days, names) to "
                        + certificateType + ".dmn and deploy the type"));
    }
}
