package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricJobLogEventEntity;
import org.junit.jupiter.api.Test;

class PersonalDataHistoryFilterTest {

    private final List<HistoryEvent> recorded = new ArrayList<>();
    private final HistoryEventHandler filter = new PersonalDataHistoryFilter.Filtering(new HistoryEventHandler() {
        @Override
        public void handleEvent(HistoryEvent event) {
            recorded.add(event);
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            recorded.addAll(events);
        }
    });

    @Test
    void personalVariablesAndFormFieldsAreDropped() {
        for (String name : List.of("citizenName", "citizenPhone", "address", "deliveryOtp", "particular_childName",
                "particular_casteClaimed")) {
            filter.handleEvent(variable(name));
            filter.handleEvent(formField(name));
        }

        assertThat(recorded).isEmpty();
    }

    @Test
    void everythingElseIsRecorded() {
        HistoryEvent outcome = variable("visitOutcome");
        HistoryEvent ward = formField("ward");
        HistoryEvent instance = new HistoricProcessInstanceEventEntity();
        HistoryEvent lookalike = variable("particularsComplete");

        filter.handleEvent(outcome);
        filter.handleEvents(List.of(ward, variable("citizenName"), instance, lookalike));

        assertThat(recorded).containsExactly(outcome, ward, instance, lookalike);
    }

    @Test
    void copiesAreLeftOutTheRequestsOwnValuesAreKept() {
        HistoryEvent number = variable("requestNumber", "root", "root");
        HistoryEvent body = variable("bodyCode", "root", "root");
        HistoryEvent calledOutcome = variable("visitOutcome", "visit", "root");

        filter.handleEvents(List.of(number, body, variable("requestNumber", "visit", "root"),
                variable("bodyCode", "visit", "root"), variable("certificateType", "scrutiny", "root"),
                variable("taskRequest", "root", "root"), variable("taskCitizen", "visit", "root"),
                variable("taskWard", "root", "root"), variable("taskType", "root", "root"),
                variable("documentChecklist", "visit", "root"), calledOutcome,
                variable("mitanUserId", "visit", "root")));

        assertThat(recorded).hasSize(4).startsWith(number, body, calledOutcome);
        assertThat(((HistoricVariableUpdateEventEntity) recorded.get(3)).getVariableName()).isEqualTo("mitanUserId");
    }

    @Test
    void theJobLogKeepsWhatRanAndWhatFailedNotWhatWasMadeOrDeleted() {
        HistoryEvent done = job(JobState.SUCCESSFUL);
        HistoryEvent failed = job(JobState.FAILED);

        filter.handleEvents(List.of(job(JobState.CREATED), failed, job(JobState.DELETED), done));
        filter.handleEvent(job(JobState.CREATED));

        assertThat(recorded).containsExactly(failed, done);
    }

    private static HistoryEvent job(JobState state) {
        HistoricJobLogEventEntity event = new HistoricJobLogEventEntity();
        event.setState(state.getStateCode());
        return event;
    }

    private static HistoryEvent variable(String name, String processInstance, String rootProcessInstance) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setVariableName(name);
        event.setProcessInstanceId(processInstance);
        event.setRootProcessInstanceId(rootProcessInstance);
        return event;
    }

    private static HistoryEvent variable(String name) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setVariableName(name);
        return event;
    }

    private static HistoryEvent formField(String name) {
        HistoricFormPropertyEventEntity event = new HistoricFormPropertyEventEntity();
        event.setPropertyId(name);
        return event;
    }
}
