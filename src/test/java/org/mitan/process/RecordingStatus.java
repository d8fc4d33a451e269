package org.mitan.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stands in for the {@code requestStatus} bean: records each status move the models ask for, in order. */
public class RecordingStatus {

    private final List<String> moves = new ArrayList<>();

    public void move(DelegateExecution execution, String status) {
        moves.add(status);
    }

    List<String> moves() {
        return moves;
    }
}
