package org.mitan.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.mitan.MitanHandover.MitanHandedOver;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.request.VisitWindow;
import org.mitan.web.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.util.ReflectionTestUtils;

/** A Mitan's task given to another Mitan: who then holds the request, and who may not take it. */
class MitanHandoverTest {

    private final MitanRepository mitans = mock(MitanRepository.class);
    private final Requests requests = mock(Requests.class);
    private final ServiceRequestRepository rows = mock(ServiceRequestRepository.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final MitanHandover handover = new MitanHandover(mitans, requests, rows, events);
    private final RequestAccess access = new RequestAccess(null, mitans);
    private final ServiceRequest request = new ServiceRequest("RPR-2026-000001", "birth-certificate", "RPR", 12,
            "Asha Verma", "9876543210", "12 Station Road", VisitWindow.MORNING, "hi", "code-0000000000001",
            Instant.parse("2026-05-01T04:30:00Z"));

    private Mitan ramesh;
    private Mitan sunita;

    @BeforeEach
    void setUp() {
        when(rows.findByRequestNumber(anyString())).thenReturn(Optional.empty());
        when(rows.findByRequestNumber("RPR-2026-000001")).thenReturn(Optional.of(request));
        when(mitans.findByUserId(anyString())).thenReturn(Optional.empty());
        when(mitans.findById(anyLong())).thenReturn(Optional.empty());
        ReflectionTestUtils.setField(request, "id", 41L);
        ramesh = mitan(1, "RPR", "mitan.raipur");
        sunita = mitan(2, "RPR", "mitan.raipur2");
        request.setMitanId(ramesh.getId());
    }

    @Test
    void theMitanGivenTheTaskHoldsTheRequestAndTheFirstNoLonger() {
        handover.taskGivenTo("RPR-2026-000001", "mitan.raipur2", "supervisor.raipur");

        assertThat(request.getMitanId()).isEqualTo(2L);
        verify(rows).save(request);
        verify(requests).record(request, MitanHandover.MILESTONE, "supervisor.raipur",
                "From mitan.raipur to mitan.raipur2-name (mitan.raipur2)");
        verify(events).publishEvent(new MitanHandedOver(41L, "RPR-2026-000001", "mitan.raipur", "mitan.raipur2"));
        assertThat(access.isAssignedMitan(caller("mitan.raipur2"), request)).isTrue();
        assertThat(access.isAssignedMitan(caller("mitan.raipur"), request)).isFalse();
    }

    @Test
    void givingTheTaskToTheRequestsOwnMitanChangesNothing() {
        handover.taskGivenTo("RPR-2026-000001", "mitan.raipur", "supervisor.raipur");

        assertThat(request.getMitanId()).isEqualTo(1L);
        verifyNoInteractions(requests, events);
        verify(rows, never()).save(any());
    }

    @Test
    void anInactiveMitanOrAMitanOfAnotherBodyCannotTakeTheRequest() {
        sunita.setActive(false);
        mitan(3, "KRB", "mitan.korba");

        for (String userId : List.of("mitan.raipur2", "mitan.korba", "clerk.raipur")) {
            assertThatThrownBy(() -> handover.taskGivenTo("RPR-2026-000001", userId, "supervisor.raipur"))
                    .isInstanceOf(MitanHandover.NotTheBodysMitan.class)
                    .hasMessageContaining(userId + " is not an active Mitan of urban body RPR");
        }
        assertThat(request.getMitanId()).isEqualTo(1L);
        verifyNoInteractions(requests, events);
    }

    @Test
    void aDeactivatedMitanCannotBeGivenBackTheirRequestsTask() {
        ramesh.setActive(false);

        assertThatThrownBy(() -> handover.taskGivenTo("RPR-2026-000001", "mitan.raipur", "supervisor.raipur"))
                .isInstanceOf(MitanHandover.NotTheBodysMitan.class)
                .hasMessageContaining("mitan.raipur is not an active Mitan of urban body RPR");
        verifyNoInteractions(requests, events);
    }

    @Test
    void onlyAMitanNoLongerActiveIsADeactivatedMitan() {
        sunita.setActive(false);

        assertThat(handover.isDeactivatedMitan("mitan.raipur2")).isTrue();
        assertThat(handover.isDeactivatedMitan("mitan.raipur")).isFalse();
        assertThat(handover.isDeactivatedMitan("clerk.raipur")).isFalse();
    }

    @Test
    void aTaskOfNoRequestIsLeftAlone() {
        handover.taskGivenTo("RPR-2026-999999", "mitan.raipur2", "supervisor.raipur");

        verifyNoInteractions(requests, events);
    }

    @Test
    void aDeactivatedMitanNoLongerActsForTheRequestTheyHad() {
        assertThat(access.isAssignedMitan(caller("mitan.raipur"), request)).isTrue();

        ramesh.setActive(false);

        assertThat(access.isAssignedMitan(caller("mitan.raipur"), request)).isFalse();
    }

    private Mitan mitan(long id, String body, String userId) {
        Mitan mitan = new Mitan(body, userId + "-name", "9000000000", userId, Set.of(12));
        ReflectionTestUtils.setField(mitan, "id", id);
        when(mitans.findByUserId(userId)).thenReturn(Optional.of(mitan));
        when(mitans.findById(id)).thenReturn(Optional.of(mitan));
        return mitan;
    }

    private static Caller caller(String userId) {
        return new Caller(userId, Set.of("mitan-RPR"));
    }
}
