package org.mitan.document;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ProcessRequest;

/**
 * Service task "Verify documents" of the doorstep visit: sets {@code documentsVerified} and
 * {@code documentProblems} (one problem a line, empty when in order) for the gateway and the Mitan's next visit.
 * Problems are a business outcome, not an error; an unreachable store propagates (retry, then an incident: the
 * model runs this step asynchronously, after the Mitan's task is completed). The request is the process instance's
 * business key.
 */
@ProcessBean("verifyDocuments")
class VerifyDocumentsDelegate implements JavaDelegate {

    private final DocumentVerification verification;

    VerifyDocumentsDelegate(DocumentVerification verification) {
        this.verification = verification;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = verification.verify(ProcessRequest.numberOf(execution));
        execution.setVariable(ProcessVariables.DOCUMENTS_VERIFIED, problems.isEmpty());
        execution.setVariable(ProcessVariables.DOCUMENT_PROBLEMS, String.join("\n", problems));
    }
}
