package org.mitan.config;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.mitan.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Keeps the citizen's personal data and the delivery OTP out of the engine's history: also the officers' request
 * summary, which shows the citizen's name, address and particulars in the task form. They pass through process
 * variables for a moment (start-form fields, type particulars, the OTP typed at the door) and the application moves
 * them into its own tables and removes them; with history level FULL the engine would still keep every value in
 * {@code ACT_HI_VARINST} and {@code ACT_HI_DETAIL} (as variable updates and as submitted form fields) for the
 * history time to live. This plugin wraps the engine's history event handler, whatever the starter put together,
 * and drops the variable and form-field events of those names; everything else is recorded as before.
 * <p>
 * It also leaves out what is only a copy, which made a fifth of a request's history (benchmark, issue 11): the
 * task-list row of each task ({@code taskRequest}, {@code taskCitizen}, {@code taskWard}, {@code taskType}, written
 * from the request for Tasklist's columns), the visit's {@code documentChecklist} (the documents table and the
 * type's list rendered for the Mitan's form, written again at every upload: 5 KB of history per request) and the
 * request's identity copied into each called process ({@code requestNumber}, {@code bodyCode},
 * {@code certificateType}; the request's own process keeps them).
 * <p>
 * Of the job log it keeps the rows that say what the engine did on its own: a job that ran to its end and a job
 * that failed (with its error). A job made and a job deleted are left out: every officer's task has an "overdue"
 * timer that is made when the task opens and deleted when it is done, which the task's own start and end already
 * say, and an asynchronous step's job is made the moment its step is reached (issue 11: the job log was 9 KB per
 * request, the fourth-largest history table).
 */
@Component
class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

    /** Variables that never reach the history. */
    static final Set<String> NAMES = Set.of(ProcessVariables.CITIZEN_NAME, ProcessVariables.CITIZEN_PHONE,
            ProcessVariables.ADDRESS, ProcessVariables.DELIVERY_OTP, ProcessVariables.REQUEST_SUMMARY,
            ProcessVariables.WHOM_TO_VISIT);
    /** And every variable whose name starts with this. */
    static final String PREFIX = ProcessVariables.PARTICULAR_PREFIX;
    /** Copies of the request, made for a task's row in Tasklist. */
    static final Set<String> TASK_ROW = Set.of(ProcessVariables.TASK_REQUEST, ProcessVariables.TASK_CITIZEN,
            ProcessVariables.TASK_WARD, ProcessVariables.TASK_TYPE);
    /** Views of the application's tables, rendered onto a task for its form. */
    static final Set<String> TASK_VIEWS = Set.of(ProcessVariables.DOCUMENT_CHECKLIST);
    /** The request's identity, recorded in its own process and left out where a called process receives a copy. */
    static final Set<String> IDENTITY = Set.of(ProcessVariables.REQUEST_NUMBER, ProcessVariables.BODY_CODE,
            ProcessVariables.CERTIFICATE_TYPE);
    /** The job log's rows that are kept: a job done, a job failed. */
    static final Set<Integer> JOB_STATES = Set.of(JobState.SUCCESSFUL.getStateCode(), JobState.FAILED.getStateCode());

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filtering(configuration.getHistoryEventHandler()));
    }

    static boolean isPersonal(String variableName) {
        return variableName != null && (NAMES.contains(variableName) || variableName.startsWith(PREFIX));
    }

    static boolean isCopy(HistoricVariableUpdateEventEntity variable) {
        String name = variable.getVariableName();
        boolean inCalledProcess = variable.getProcessInstanceId() != null
                && !variable.getProcessInstanceId().equals(variable.getRootProcessInstanceId());
        return TASK_ROW.contains(name) || TASK_VIEWS.contains(name) || (IDENTITY.contains(name) && inCalledProcess);
    }

    static boolean isKept(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return !isPersonal(variable.getVariableName()) && !isCopy(variable);
        }
        if (event instanceof HistoricFormPropertyEventEntity formField) {
            return !isPersonal(formField.getPropertyId());
        }
        if (event instanceof HistoricJobLogEvent job) {
            return JOB_STATES.contains(job.getState());
        }
        return true;
    }

    /** Passes every history event to the wrapped handler except those left out above. */
    static class Filtering implements HistoryEventHandler {

        private final HistoryEventHandler delegate;

        Filtering(HistoryEventHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (isKept(event)) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            List<HistoryEvent> kept = events.stream().filter(PersonalDataHistoryFilter::isKept).toList();
            if (!kept.isEmpty()) {
                delegate.handleEvents(kept);
            }
        }
    }
}
