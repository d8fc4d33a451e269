package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.intake.Fixtures;
import org.mitan.request.RequestMilestone;
import org.mitan.request.RequestMilestoneRepository;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class CancelledRequestCloserTest {

    private static final String NUMBER = "RPR-2026-000042";
    private static final Instant LATER = Instant.parse("2026-05-04T09:00:00Z");

    private final ServiceRequestRepository repository = mock(ServiceRequestRepository.class);
    private final RequestMilestoneRepository milestones = mock(RequestMilestoneRepository.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final DelegateExecution execution = mock(DelegateExecution.class);
    private final ServiceRequest request = Fixtures.request(42, NUMBER);
    private CancelledRequestCloser closer;

    @BeforeEach
    void setUp() throws NoSuchMethodException {
        Requests requests = BeanUtils.instantiateClass(Requests.class.getDeclaredConstructor(
                ServiceRequestRepository.class, RequestMilestoneRepository.class, Clock.class),
                repository, milestones, Clock.fixed(LATER, ZoneOffset.UTC));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("serviceRequestRepository", repository);
        beans.addBean("requests", requests);
        closer = new CancelledRequestCloser(beans.getBeanProvider(ServiceRequestRepository.class),
                beans.getBeanProvider(Requests.class));

        request.setProcessInstanceId("pi-1");
        when(repository.findByRequestNumber(NUMBER)).thenReturn(Optional.of(request));
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(services.getIdentityService()).thenReturn(identity);
        when(execution.getProcessEngineServices()).thenReturn(services);
        when(execution.getId()).thenReturn("pi-1");
        when(execution.getProcessInstanceId()).thenReturn("pi-1");
        when(execution.getProcessBusinessKey()).thenReturn(NUMBER);
        when(execution.isCanceled()).thenReturn(true);
    }

    @Test
    void aCancelledRootInstanceClosesItsRequestInTheCancellersName() {
        when(identity.getCurrentAuthentication()).thenReturn(new Authentication("auditor", List.of("auditor")));

        closer.notify(execution);

        assertThat(request.getStatus()).isEqualTo(RequestStatus.CLOSED);
        assertThat(request.getClosedAt()).isEqualTo(LATER);
        ArgumentCaptor<RequestMilestone> saved = ArgumentCaptor.forClass(RequestMilestone.class);
        Mockito.verify(milestones, Mockito.times(2)).save(saved.capture());
        assertThat(saved.getAllValues()).extracting(RequestMilestone::getMilestone)
                .containsExactly("CANCELLED", "CLOSED");
        assertThat(saved.getAllValues()).extracting(RequestMilestone::getActor).containsOnly("auditor");
    }

    @Test
    void withoutALoginTheSystemCancelled() {
        closer.notify(execution);

        ArgumentCaptor<RequestMilestone> saved = ArgumentCaptor.forClass(RequestMilestone.class);
        Mockito.verify(milestones, Mockito.times(2)).save(saved.capture());
        assertThat(saved.getAllValues()).extracting(RequestMilestone::getActor).containsOnly("system");
    }

    @Test
    void anInstanceThatEndsNormallyChangesNothing() {
        when(execution.isCanceled()).thenReturn(false);

        closer.notify(execution);

        verifyNoInteractions(repository, milestones);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.REGISTERED);
    }

    @Test
    void aCancelledSharedStepIsItsCallersBusiness() {
        when(execution.getSuperExecution()).thenReturn(mock(DelegateExecution.class));

        closer.notify(execution);

        verifyNoInteractions(repository, milestones);
    }

    @Test
    void anotherInstanceWithTheSameKeyOrAnUnknownKeyChangesNothing() {
        request.setProcessInstanceId("pi-other");
        closer.notify(execution);

        when(execution.getProcessBusinessKey()).thenReturn("no-such-request");
        closer.notify(execution);

        verifyNoInteractions(milestones);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.REGISTERED);
    }

    @Test
    void aRequestAlreadyFinishedStaysAsItIs() {
        request.moveTo(RequestStatus.REJECTED, LATER);

        closer.notify(execution);

        verifyNoInteractions(milestones);
        assertThat(request.getStatus()).isEqualTo(RequestStatus.REJECTED);
    }
}
