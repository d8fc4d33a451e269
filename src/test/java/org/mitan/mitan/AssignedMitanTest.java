package org.mitan.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mitan.intake.Scopes;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.springframework.test.util.ReflectionTestUtils;

class AssignedMitanTest {

    private final Requests requests = mock(Requests.class);
    private final MitanRepository mitans = mock(MitanRepository.class);
    private final AssignedMitan assignedMitan = new AssignedMitan(requests, mitans);
    private final ServiceRequest request = new ServiceRequest("RPR-2026-000001", "birth-certificate", "RPR", 12,
            "Asha Verma", "9876543210", "12 Station Road", VisitWindow.MORNING, "hi", "code-0000000000001",
            Instant.parse("2026-05-01T04:30:00Z"));
    private final Map<String, Object> variables = new HashMap<>(Map.of(
            "requestNumber", "RPR-2026-000002", "mitanUserId", "mitan.intruder"));
    private final DelegateExecution execution = Scopes.execution("RPR-2026-000001", variables);

    @Test
    void theMitanOfTheRequestRowOfTheBusinessKeyWhateverTheVariablesSay() {
        when(requests.require("RPR-2026-000001")).thenReturn(request);
        request.setMitanId(5L);
        when(mitans.findById(5L)).thenReturn(Optional.of(mitan(5, "farah")));

        assertThat(assignedMitan.userId(execution)).isEqualTo("farah");
    }

    @Test
    void aRequestWithoutAMitanIsAModellingFault() {
        when(requests.require("RPR-2026-000001")).thenReturn(request);
        when(execution.getCurrentActivityId()).thenReturn("Task_VisitCitizen");

        assertThatThrownBy(() -> assignedMitan.userId(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RPR-2026-000001").hasMessageContaining("Task_VisitCitizen");
    }

    @Test
    void aMitanRowThatIsGoneIsAFault() {
        when(requests.require("RPR-2026-000001")).thenReturn(request);
        request.setMitanId(6L);

        assertThatThrownBy(() -> assignedMitan.userId(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Mitan 6");
    }

    private static Mitan mitan(long id, String userId) {
        Mitan mitan = new Mitan("RPR", userId + "-name", "9000000000", userId, Set.of(12));
        ReflectionTestUtils.setField(mitan, "id", id);
        return mitan;
    }
}
