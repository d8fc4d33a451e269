package org.mitan.singlewindow;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.mitan.process.ProcessBean;
import org.mitan.process.ProcessErrors;
import org.mitan.process.ProcessVariables;
import org.mitan.request.ProcessRequest;

/**
 * {@code submitToSingleWindow}: files the request on the single-window system and sets {@code submissionReference}.
 * A refusal on the merits sets {@code submissionRejection} and throws the BPMN error {@code SingleWindowRejected};
 * technical failures propagate, so the engine retries and then raises an incident. The request is the process
 * instance's business key.
 */
@ProcessBean("submitToSingleWindow")
class SubmitToSingleWindowDelegate implements JavaDelegate {

    private final SingleWindowSubmissions submissions;

    SubmitToSingleWindowDelegate(SingleWindowSubmissions submissions) {
        this.submissions = submissions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SingleWindowSubmissions.Outcome outcome = submissions.submit(ProcessRequest.numberOf(execution));
        if (outcome instanceof SingleWindowSubmissions.Rejected rejected) {
            execution.setVariable(ProcessVariables.SUBMISSION_REJECTION, rejected.reason());
            throw new BpmnError(ProcessErrors.SINGLE_WINDOW_REJECTED, rejected.reason());
        }
        execution.setVariable(ProcessVariables.SUBMISSION_REFERENCE,
                ((SingleWindowSubmissions.Submitted) outcome).reference());
    }
}
