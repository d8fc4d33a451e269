package org.mitan.intake;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.failure.Refusal;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.Actors;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;

/**
 * {@code registerRequest}: the first step of every certificate process. Started by the API, the business key is
 * the number of the request row just created, and the row is linked to this instance (a row that already belongs
 * to another instance is refused). Started from the Tasklist start form, the form is checked by the same rules as
 * the API and the row is created here, the request number becomes the business key and the citizen's personal
 * details leave the process (they live in the request row). The {@code requestNumber} variable is only written,
 * for display: a start variable of that name decides nothing.
 */
@ProcessBean("registerRequest")
class RegisterRequestDelegate implements JavaDelegate {

    static final List<String> PERSONAL_START_FORM_VARIABLES = List.of(ProcessVariables.CITIZEN_NAME,
            ProcessVariables.CITIZEN_PHONE, ProcessVariables.ADDRESS);

    private final IntakeService intake;
    private final ServiceRequestRepository requests;
    private final RepositoryService repository;
    private final IdentityService identity;

    RegisterRequestDelegate(IntakeService intake, ServiceRequestRepository requests, RepositoryService repository,
            IdentityService identity) {
        this.intake = intake;
        this.requests = requests;
        this.repository = repository;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String certificateType = repository.getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        String businessKey = execution.getProcessBusinessKey();
        ServiceRequest request;
        if (businessKey != null && requests.findByRequestNumber(businessKey).isPresent()) {
            request = intake.attachProcess(businessKey, certificateType, execution.getProcessInstanceId());
        } else {
            request = registerFromStartForm(execution, certificateType);
            execution.setProcessBusinessKey(request.getRequestNumber());
            execution.removeVariables(PERSONAL_START_FORM_VARIABLES);
        }
        execution.setVariable(ProcessVariables.REQUEST_NUMBER, request.getRequestNumber());
        execution.setVariable(ProcessVariables.CERTIFICATE_TYPE, certificateType);
        execution.setVariable(ProcessVariables.BODY_CODE, request.getBodyCode());
    }

    private ServiceRequest registerFromStartForm(DelegateExecution execution, String certificateType) {
        RegistrationForm form = new RegistrationForm(certificateType,
                text(execution.getVariable(ProcessVariables.BODY_CODE)),
                text(execution.getVariable(ProcessVariables.WARD)),
                text(execution.getVariable(ProcessVariables.CITIZEN_NAME)),
                text(execution.getVariable(ProcessVariables.CITIZEN_PHONE)),
                text(execution.getVariable(ProcessVariables.ADDRESS)),
                text(execution.getVariable(ProcessVariables.PREFERRED_VISIT_WINDOW)),
                text(execution.getVariable(ProcessVariables.LANGUAGE)));
        try {
            return intake.registerStarted(form, execution.getProcessInstanceId(), Actors.current(identity));
        } catch (Refusal refusal) {
            throw new RegistrationRefused(refusal);
        }
    }

    /** Form values as text; a number field may arrive as Long or Double, and 12.0 means ward 12. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (number == Math.rint(number) && !Double.isInfinite(number)) {
                return Long.toString((long) number);
            }
        }
        return value.toString();
    }
}
