package org.mitan.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Stands in for the {@code serviceLevels} bean: answers from the {@code service-level} decision deployed with the
 * models, for the certificate type of the request named by the process instance's business key (the tests say which
 * requests exist and of what type, as the request rows would). A business key it does not know fails, so a model
 * that loses the business key on the way to a task cannot pass.
 */
public class FakeServiceLevels {

    private final Map<String, String> typeByRequest = new HashMap<>();
    private final List<String> asked = new ArrayList<>();

    void request(String requestNumber, String certificateType) {
        typeByRequest.put(requestNumber, certificateType);
    }

    public String scrutinyGroup(DelegateExecution execution) {
        return (String) output(execution, typeOfRequest(execution), "scrutinyGroup");
    }

    public String authorityGroup(DelegateExecution execution) {
        return (String) output(execution, typeOfRequest(execution), "authorityGroup");
    }

    /** The body's supervisors; here the plain role, as the tests know no bodies. */
    public String supervisorGroup(DelegateExecution execution) {
        typeOfRequest(execution);
        return "supervisor";
    }

    /** As the real bean, a type whose row leaves the column empty has no group for that step. */
    public String group(DelegateExecution execution, String column) {
        String type = typeOfRequest(execution);
        Object group = output(execution, type, column);
        if (group == null || group.toString().isBlank()) {
            throw new IllegalStateException("No " + column + " for " + type);
        }
        return group.toString();
    }

    /** As the real bean: the type is the key of the certificate process itself, known before any request row. */
    public int legalDueDays(DelegateExecution execution) {
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        return ((Number) output(execution, processKey, "legalDueDays")).intValue();
    }

    /** The business keys asked about, in order. */
    List<String> asked() {
        return asked;
    }

    private String typeOfRequest(DelegateExecution execution) {
        String requestNumber = execution.getProcessBusinessKey();
        asked.add(requestNumber);
        String type = typeByRequest.get(requestNumber);
        if (type == null) {
            throw new IllegalStateException("No request " + requestNumber + " (the business key) in this test");
        }
        return type;
    }

    private static Object output(DelegateExecution execution, String certificateType, String output) {
        return execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionByKey(ProcessKeys.DECISION_SERVICE_LEVEL)
                .variables(Variables.createVariables().putValue(ProcessVariables.CERTIFICATE_TYPE, certificateType))
                .evaluate().getSingleResult().getEntry(output);
    }
}
