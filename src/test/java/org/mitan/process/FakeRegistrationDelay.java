package org.mitan.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for the {@code registrationDelay} step: answers the path a test chooses (the real bean works it out from
 * the particulars' date and the type's {@code <key>-registration-delay} decision), and whether the documents that
 * path needs are uploaded. Records the particular the model configured it with.
 */
class FakeRegistrationDelay implements JavaDelegate {

    String path = "registrar";
    int delayDays = 3;
    boolean documentsComplete = true;
    String eventParticular;
    int runs;

    @Override
    public void execute(DelegateExecution execution) {
        runs++;
        eventParticular = (String) execution.getVariableLocal("eventParticular");
        execution.setVariable(ProcessVariables.REGISTRATION_DELAY_DAYS, delayDays);
        execution.setVariable(ProcessVariables.REGISTRATION_PATH, path);
        execution.setVariable(ProcessVariables.LATE_FEE_RUPEES, 0);
        execution.setVariable(ProcessVariables.REGISTRATION_DOCUMENTS_COMPLETE, documentsComplete);
        if (!documentsComplete) {
            execution.setVariable(ProcessVariables.SCRUTINY_REMARKS, "Registered late: bring the affidavit.");
        }
    }

    /** The next runs take this path, e.g. {@code permission}, finding the path's documents complete or not. */
    void answers(String nextPath, boolean complete) {
        this.path = nextPath;
        this.documentsComplete = complete;
    }
}
