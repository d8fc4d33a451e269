package org.mitan.intake;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessKeys;
import org.mitan.process.ProcessVariables;
import org.mitan.web.Roles;

/**
 * {@code serviceLevels}: who works on a request's officer tasks and how long the whole service may take, from the
 * {@code service-level} decision. The models ask this bean instead of reading process variables, because anyone
 * who works a task can overwrite variables with the form they submit:
 * <pre>
 * camunda:candidateGroups="${serviceLevels.scrutinyGroup(execution)}"    who scrutinises, e.g. clerk-RPR
 * camunda:candidateGroups="${serviceLevels.authorityGroup(execution)}"   who decides, e.g. registrar-RPR
 * camunda:candidateGroups="${serviceLevels.group(execution, 'inquiryGroup')}"  any other group column of the table
 * &lt;timeDuration&gt;P${serviceLevels.legalDueDays(execution)}D&lt;/timeDuration&gt;  legal time limit, e.g. P7D
 * </pre>
 * The table names the role (e.g. {@code clerk}); the group is that role at the request's urban body
 * ({@code clerk-RPR}, see {@link Roles}). Type and body are those stored in the request row, the request being the
 * process instance's business key ({@link ProcessRequest}). The legal time limit is asked when the certificate
 * process starts, before a request registered from the Tasklist start form has a row: there the type is the key of
 * the certificate process itself, which is the type the row is then created with.
 * <p>
 * The newest deployed decision answers, evaluated as the application rather than the logged-in user (an officer
 * needs no permission on decision definitions for the next task to be created). Each evaluation is kept in the
 * decision history, so an auditor can see which row offered a task to which group.
 */
@ProcessBean("serviceLevels")
public class ServiceLevels {

    /** Outputs of the {@code service-level} decision read here. */
    static final String SCRUTINY_GROUP = "scrutinyGroup";
    static final String AUTHORITY_GROUP = "authorityGroup";
    static final String LEGAL_DUE_DAYS = "legalDueDays";
    /** Every output of the table that names a group ends so, e.g. {@code inquiryGroup}. */
    static final String GROUP_SUFFIX = "Group";

    private final Requests requests;
    private final DecisionService decisions;
    private final RepositoryService repository;
    private final IdentityService identity;

    ServiceLevels(Requests requests, DecisionService decisions, RepositoryService repository,
            IdentityService identity) {
        this.requests = requests;
        this.decisions = decisions;
        this.repository = repository;
        this.identity = identity;
    }

    /** The candidate group of the document scrutiny task for the execution's request. */
    public String scrutinyGroup(DelegateExecution execution) {
        return groupOf(execution, SCRUTINY_GROUP);
    }

    /** The candidate group of the competent authority's decision task for the execution's request. */
    public String authorityGroup(DelegateExecution execution) {
        return groupOf(execution, AUTHORITY_GROUP);
    }

    /**
     * The candidate group named in the given output column of the request's row, for a step that only some
     * certificate types have (e.g. {@code inquiryGroup}: who makes a field inquiry). A model adds a step by adding a
     * column to the table and naming it here, without a change to this bean. Only columns named {@code ...Group} can
     * be asked for, so that a typo in a model cannot offer a task to a department's name or a number of days.
     */
    public String group(DelegateExecution execution, String column) {
        if (column == null || !column.matches("[a-z][A-Za-z0-9]*" + GROUP_SUFFIX)) {
            throw new IllegalArgumentException("The model asks serviceLevels.group for the column '" + column
                    + "' of the decision '" + ProcessKeys.DECISION_SERVICE_LEVEL
                    + "': only a column whose name ends in '" + GROUP_SUFFIX + "' names a group (e.g. inquiryGroup)");
        }
        return groupOf(execution, column);
    }

    /** The group of the supervisors of the execution's request's body, e.g. {@code supervisor-RPR}. */
    public String supervisorGroup(DelegateExecution execution) {
        return Roles.ofBody(Roles.SUPERVISOR, requests.require(ProcessRequest.numberOf(execution)).getBodyCode());
    }

    /** Days the law allows for the whole service of the certificate process the execution belongs to. */
    public int legalDueDays(DelegateExecution execution) {
        String certificateType = EngineCalls.withoutAuthentication(identity,
                () -> repository.getProcessDefinition(execution.getProcessDefinitionId()).getKey());
        Object days = row(certificateType, null).get(LEGAL_DUE_DAYS);
        if (!(days instanceof Number number) || number.intValue() < 1) {
            throw new IllegalStateException("The decision '" + ProcessKeys.DECISION_SERVICE_LEVEL + "' gives "
                    + LEGAL_DUE_DAYS + " '" + days + "' for certificate type '" + certificateType
                    + "': it must be a whole number of days, at least 1");
        }
        return number.intValue();
    }

    private String groupOf(DelegateExecution execution, String output) {
        ServiceRequest request = requests.require(ProcessRequest.numberOf(execution));
        Object group = row(request.getCertificateType(), request.getBodyCode()).get(output);
        if (group == null || group.toString().isBlank()) {
            throw new IllegalStateException("The decision '" + ProcessKeys.DECISION_SERVICE_LEVEL + "' names no "
                    + output + " for certificate type '" + request.getCertificateType() + "' (request "
                    + request.getRequestNumber() + "): fill in the column and deploy the table");
        }
        return Roles.ofBody(group.toString().strip(), request.getBodyCode());
    }

    /** The decision's row for the type; the body code goes along for a table that distinguishes bodies. */
    private DmnDecisionResultEntries row(String certificateType, String bodyCode) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(ProcessVariables.CERTIFICATE_TYPE, certificateType);
        if (bodyCode != null) {
            inputs.put(ProcessVariables.BODY_CODE, bodyCode);
        }
        DmnDecisionResult result = EngineCalls.withoutAuthentication(identity, () -> decisions
                .evaluateDecisionByKey(ProcessKeys.DECISION_SERVICE_LEVEL).variables(inputs).evaluate());
        if (result.isEmpty()) {
            throw new IllegalStateException("The decision '" + ProcessKeys.DECISION_SERVICE_LEVEL
                    + "' has no row for certificate type '" + certificateType
                    + "': add one to service-level.dmn and deploy it");
        }
        return result.get(0);
    }
}
