package org.mitan.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.mitan.intake.Scopes;

class AssignMitanDelegateTest {

    private final MitanAssignmentService assignments = mock(MitanAssignmentService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final AssignMitanDelegate delegate = new AssignMitanDelegate(assignments, identity);
    private final Map<String, Object> variables = new HashMap<>(Map.of("requestNumber", "RPR-2026-000001"));

    @Test
    void theAssignedMitanBecomesTheAssigneeOfTheVisit() {
        variables.put("assignmentProblem", "No active Mitan works for Raipur (RPR)");
        when(assignments.assign(eq("RPR-2026-000001"), isNull(), eq("system")))
                .thenReturn(new Mitan("RPR", "Asha", "9000000000", "asha", Set.of(12)));

        delegate.execute(Scopes.execution("RPR-2026-000001", variables));

        assertThat(variables).containsOnly(Map.entry("requestNumber", "RPR-2026-000001"),
                Map.entry("mitanUserId", "asha"));
    }

    @Test
    void aSupervisorsChoiceIsUsedOnceByThatSupervisor() {
        variables.put("chosenMitanUserId", "bina");
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("sup1", List.of("supervisor")));
        when(assignments.assign("RPR-2026-000001", "bina", "sup1"))
                .thenReturn(new Mitan("RPR", "Bina", "9000000001", "bina", Set.of(3)));

        delegate.execute(Scopes.execution("RPR-2026-000001", variables));

        assertThat(variables).containsEntry("mitanUserId", "bina").doesNotContainKey("chosenMitanUserId");
    }

    @Test
    void theRequestIsTheBusinessKeyWhateverTheRequestNumberVariableSays() {
        variables.put("requestNumber", "RPR-2026-000777");
        when(assignments.assign(eq("RPR-2026-000001"), isNull(), eq("system")))
                .thenReturn(new Mitan("RPR", "Asha", "9000000000", "asha", Set.of(12)));

        delegate.execute(Scopes.execution("RPR-2026-000001", variables));

        verify(assignments, never()).assign(eq("RPR-2026-000777"), any(), any());
        assertThat(variables).containsEntry("mitanUserId", "asha");
    }

    @Test
    void nobodyAvailableSendsTheRequestToTheSupervisorWithTheReason() {
        variables.put("chosenMitanUserId", "dev");
        when(assignments.assign(anyString(), anyString(), anyString()))
                .thenThrow(new NoMitanAvailableException("Mitan Dev (dev) works for Bhilai (BHI), not Raipur (RPR)."));

        BpmnError error = catchThrowableOfType(BpmnError.class, () -> delegate.execute(Scopes.execution("RPR-2026-000001", variables)));

        assertThat(error.getErrorCode()).isEqualTo("NoMitanAvailable");
        assertThat(variables).containsEntry("assignmentProblem",
                        "Mitan Dev (dev) works for Bhilai (BHI), not Raipur (RPR).")
                .doesNotContainKeys("chosenMitanUserId", "mitanUserId");
    }
}
