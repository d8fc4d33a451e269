package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
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
