package org.mitan.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The fakes of the beans every certificate and correction type's model and the shared models name: the SMS, the
 * status moves, the delivery, the routing of steps, the Mitan's assignment, the registration, the visit's checklist
 * and the verification of the scans. Registered for one request of one type.
 */
final class SharedStepFakes {

    private SharedStepFakes() {
    }

    static void register(String requestNumber, String key, RecordingSms sms, RecordingStatus status,
            FakeHomeDelivery homeDelivery, FakeSteps steps, FakeMitans mitans) {
        Mocks.register("sendSms", sms);
        Mocks.register("requestStatus", status);
        Mocks.register("homeDelivery", homeDelivery);
        steps.request(requestNumber, key);
        Mocks.register("steps", steps);
        Mocks.register("assignMitan", mitans);
        Mocks.register("assignedMitan", mitans);
        Mocks.register("registerRequest", (JavaDelegate) execution -> {
            execution.setVariable(ProcessVariables.CERTIFICATE_TYPE, key);
            execution.setVariable(ProcessVariables.BODY_CODE, "RPR");
        });
        Mocks.register("documentChecklistListener", (TaskListener) task ->
                task.setVariableLocal(ProcessVariables.DOCUMENT_CHECKLIST, "- [x] A document"));
        Mocks.register("verifyDocuments", (JavaDelegate) execution -> {
            execution.setVariable(ProcessVariables.DOCUMENTS_VERIFIED, true);
            execution.setVariable(ProcessVariables.DOCUMENT_PROBLEMS, "");
        });
    }
}
