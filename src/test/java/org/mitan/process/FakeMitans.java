package org.mitan.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Stands in for both the {@code assignMitan} delegate and the {@code assignedMitan} lookup: assignment records the
 * Mitan against the request of the business key (as the real one records it in the request row), and the lookup
 * answers from that record only, never from a variable. A supervisor's {@code chosenMitanUserId} wins once; a
 * number of failing attempts can be asked for.
 */
public class FakeMitans implements JavaDelegate {

    static final String NO_MITAN = "No active Mitan in Korba serves ward 12";

    private final String usualMitan;
    private final Map<String, String> assigned = new HashMap<>();
    private int failuresLeft;

    FakeMitans(String usualMitan) {
        this.usualMitan = usualMitan;
    }

    /** The next {@code times} assignments find nobody. */
    void failNext(int times) {
        failuresLeft = times;
    }

    /** A request whose Mitan was assigned earlier, for a test that starts after the assignment. */
    void assigned(String requestNumber, String mitanUserId) {
        assigned.put(requestNumber, mitanUserId);
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (failuresLeft > 0) {
            failuresLeft--;
            execution.setVariable(ProcessVariables.ASSIGNMENT_PROBLEM, NO_MITAN);
            throw new BpmnError(ProcessErrors.NO_MITAN_AVAILABLE);
        }
        Object chosen = execution.getVariable(ProcessVariables.CHOSEN_MITAN_USER_ID);
        String mitan = chosen != null ? chosen.toString() : usualMitan;
        assigned.put(execution.getProcessBusinessKey(), mitan);
        execution.setVariable(ProcessVariables.MITAN_USER_ID, mitan);
        execution.removeVariable(ProcessVariables.CHOSEN_MITAN_USER_ID);
    }

    /** {@code assignedMitan.userId(execution)}. */
    public String userId(DelegateExecution execution) {
        String mitan = assigned.get(execution.getProcessBusinessKey());
        if (mitan == null) {
            throw new IllegalStateException("No Mitan assigned to request " + execution.getProcessBusinessKey());
        }
        return mitan;
    }
}
