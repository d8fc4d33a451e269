package org.mitan.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.intake.Fixtures;
import org.mitan.intake.Scopes;
import org.mockito.ArgumentCaptor;

class RequestStatusMoverTest {

    private static final Instant LATER = Instant.parse("2026-05-03T06:00:00Z");

    private final ServiceRequestRepository repository = mock(ServiceRequestRepository.class);
    private final RequestMilestoneRepository milestones = mock(RequestMilestoneRepository.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final RequestStatusMover mover = new RequestStatusMover(
            new Requests(repository, milestones, Clock.fixed(LATER, ZoneOffset.UTC)), identity);
    private final ServiceRequest request = Fixtures.request(7, "RPR-2026-000007");
    private final Map<String, Object> variables = new HashMap<>(Map.of("requestNumber", "RPR-2026-000008"));
    private DelegateExecution execution;

    @BeforeEach
    void setUp() {
        when(repository.findByRequestNumber("RPR-2026-000007")).thenReturn(Optional.of(request));
        // a task worker overwrote the requestNumber variable: the business key still names the request
        execution = Scopes.execution("RPR-2026-000007", variables);
        when(execution.getCurrentActivityName()).thenReturn("Scrutinise documents");
    }

    @Test
    void movesTheRequestAndRecordsWhoAndWhere() {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("clerk1", List.of("clerk")));

        mover.move(execution, "UNDER_SCRUTINY");

        assertThat(request.getStatus()).isEqualTo(RequestStatus.UNDER_SCRUTINY);
        assertThat(request.getClosedAt()).isNull();
        RequestMilestone milestone = savedMilestone();
        assertThat(milestone.getMilestone()).isEqualTo("UNDER_SCRUTINY");
        assertThat(milestone.getActor()).isEqualTo("clerk1");
        assertThat(milestone.getDetail()).isEqualTo("Scrutinise documents");
        assertThat(milestone.getRequestId()).isEqualTo(7L);
    }

    @Test
    void onASequenceFlowTheMilestoneIsNamedAfterTheFlowNotTheGatewayBeforeIt() {
        SequenceFlow approved = mock(SequenceFlow.class);
        when(approved.getName()).thenReturn("Approved");
        when(execution.getBpmnModelElementInstance()).thenReturn(approved);
        when(execution.getCurrentActivityName()).thenReturn("Decision?");

        mover.move(execution, "APPROVED");

        assertThat(savedMilestone().getDetail()).isEqualTo("Approved");
    }

    @Test
    void aFinalStatusClosesTheRequestAndWithoutAUserTheActorIsTheSystem() {
        mover.move(execution, "CLOSED");

        assertThat(request.getStatus()).isEqualTo(RequestStatus.CLOSED);
        assertThat(request.getClosedAt()).isEqualTo(LATER);
        assertThat(savedMilestone().getActor()).isEqualTo("system");
    }

    @Test
    void anUnknownStatusInAModelIsRefusedWithoutMovingAnything() {
        assertThatThrownBy(() -> mover.move(execution, "UNDER_REVIEW"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNDER_REVIEW").hasMessageContaining("UNDER_SCRUTINY");
        assertThat(request.getStatus()).isEqualTo(RequestStatus.REGISTERED);
        verifyNoInteractions(milestones);
    }

    @Test
    void anInstanceWithoutABusinessKeyIsATechnicalFault() {
        when(execution.getProcessBusinessKey()).thenReturn(null);

        assertThatThrownBy(() -> mover.move(execution, "APPROVED")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("business key");
        verifyNoInteractions(milestones);
    }

    private RequestMilestone savedMilestone() {
        ArgumentCaptor<RequestMilestone> saved = ArgumentCaptor.forClass(RequestMilestone.class);
        verify(milestones).save(saved.capture());
        verify(repository).save(any());
        return saved.getValue();
    }
}
