package org.mitan.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.mitan.intake.Scopes;

class ProcessRequestTest {

    private final Map<String, Object> variables = new HashMap<>(Map.of("requestNumber", "RPR-2026-000777"));

    @Test
    void anExecutionsRequestIsItsBusinessKeyWhateverTheVariableSays() {
        DelegateExecution execution = Scopes.execution("RPR-2026-000001", variables);

        assertThat(ProcessRequest.numberOf(execution)).isEqualTo("RPR-2026-000001");
    }

    @Test
    void aTasksRequestIsTheBusinessKeyOfItsProcessInstanceWhateverItsVariablesSay() {
        Map<String, Object> local = new HashMap<>(Map.of("requestNumber", "RPR-2026-000778"));
        DelegateTask task = Scopes.task(TaskListener.EVENTNAME_CREATE, local,
                Scopes.execution("RPR-2026-000001", variables));

        assertThat(ProcessRequest.numberOf(task)).isEqualTo("RPR-2026-000001");
    }

    @Test
    void withoutABusinessKeyThereIsNoRequestEvenWithTheVariable() {
        DelegateExecution execution = Scopes.execution(variables);
        when(execution.getProcessInstanceId()).thenReturn("pi-9");
        when(execution.getCurrentActivityId()).thenReturn("Task_VerifyDocuments");

        assertThatThrownBy(() -> ProcessRequest.numberOf(execution)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pi-9").hasMessageContaining("Task_VerifyDocuments")
                .hasMessageContaining("business key");
        assertThatThrownBy(() -> ProcessRequest.numberOf(Scopes.execution(" ", variables)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTaskOutsideAnyProcessHasNoRequest() {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getTaskDefinitionKey()).thenReturn("Task_Loose");

        assertThatThrownBy(() -> ProcessRequest.numberOf(task)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Task_Loose");
    }
}
