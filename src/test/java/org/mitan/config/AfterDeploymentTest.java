package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** A deletion through this node tells the application, once stored, so that the catalogue asks again at once. */
class AfterDeploymentTest {

    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final CommandExecutor engine = mock(CommandExecutor.class);
    private final ProcessGuards.AfterDeployment afterDeployment = new ProcessGuards.AfterDeployment(events);

    AfterDeploymentTest() {
        afterDeployment.setNext(engine);
    }

    @Test
    void aDeletedDeploymentIsAnnounced() {
        afterDeployment.execute(new DeleteDeploymentCmd("deployment-1", true, false, false));

        verify(events).publishEvent(any(EngineSetup.DeploymentDeleted.class));
    }

    @Test
    void aDeletionThatFailedIsNotAnnounced() {
        DeleteDeploymentCmd deletion = new DeleteDeploymentCmd("deployment-1", false, false, false);
        when(engine.execute(deletion)).thenThrow(new IllegalStateException("instances are running"));

        assertThatThrownBy(() -> afterDeployment.execute(deletion)).hasMessage("instances are running");
        verify(events, never()).publishEvent(any());
    }

    @Test
    void aListenerThatFailsDoesNotUndoTheStoredDeletionForItsCaller() {
        doThrow(new IllegalStateException("listener down")).when(events).publishEvent(any());

        afterDeployment.execute(new DeleteDeploymentCmd("deployment-1", true, false, false));
    }

    @Test
    void otherCommandsAreNotAnnounced() {
        Command<String> query = context -> "answer";
        when(engine.execute(query)).thenReturn("answer");

        assertThat(afterDeployment.execute(query)).isEqualTo("answer");
        verify(events, never()).publishEvent(any());
    }
}
