package org.mitan.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.municipality.BodyKind;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.request.VisitWindow;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.annotation.Transactional;

class MitanAssignmentServiceTest {

    private final MitanRepository mitans = mock(MitanRepository.class);
    private final Requests requests = mock(Requests.class);
    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    private final MitanAssignmentService service = new MitanAssignmentService(mitans, requests, bodies);
    private final ServiceRequest request = new ServiceRequest("RPR-2026-000001", "birth-certificate", "RPR", 12,
            "Asha Verma", "9876543210", "12 Station Road", VisitWindow.MORNING, "hi", "code-0000000000001",
            Instant.parse("2026-05-01T04:30:00Z"));
    private final List<Mitan> active = new ArrayList<>();
    private final Map<Long, Long> openRequests = new HashMap<>();

    @BeforeEach
    void setUp() {
        when(requests.require("RPR-2026-000001")).thenReturn(request);
        when(mitans.findByBodyCodeAndActiveTrue("RPR")).thenAnswer(call -> active.stream()
                .filter(Mitan::isActive).filter(mitan -> mitan.getBodyCode().equals("RPR")).toList());
        when(mitans.countOpenRequests(anyLong())).thenAnswer(call -> openRequests.getOrDefault(
                call.<Long>getArgument(0), 0L));
        when(mitans.findByUserId(anyString())).thenReturn(Optional.empty());
        when(mitans.findById(anyLong())).thenReturn(Optional.empty());
        when(bodies.findById("RPR")).thenReturn(Optional.of(
                new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur", BodyKind.MUNICIPAL_CORPORATION, 70)));
        when(bodies.findById("BHI")).thenReturn(Optional.of(
                new UrbanBody("BHI", "Bhilai", "भिलाई", "Durg", BodyKind.MUNICIPAL_CORPORATION, 70)));
    }

    @Test
    void theLeastLoadedMitanOfTheWardIsChosen() {
        mitan(1, "RPR", "asha", 5, Set.of(12));
        mitan(2, "RPR", "bina", 2, Set.of(11, 12));
        mitan(3, "RPR", "chetan", 0, Set.of(40));

        Mitan chosen = service.assign("RPR-2026-000001", null, "system");

        assertThat(chosen.getUserId()).isEqualTo("bina");
        assertThat(request.getMitanId()).isEqualTo(2L);
        verify(requests).advance(request, RequestStatus.MITAN_ASSIGNED, "system", "bina-name (bina)");
    }

    @Test
    void theWardsOnlyMitanIsChosenWithoutCountingAnybodysRequests() {
        mitan(1, "RPR", "asha", 40, Set.of(12));
        mitan(2, "RPR", "bina", 0, Set.of(40));

        assertThat(service.assign("RPR-2026-000001", null, "system").getUserId()).isEqualTo("asha");
        verify(mitans, never()).countOpenRequests(anyLong());
    }

    @Test
    void equalLoadsGoToTheLowestId() {
        mitan(7, "RPR", "late", 1, Set.of(12));
        mitan(4, "RPR", "early", 1, Set.of(12));

        assertThat(service.assign("RPR-2026-000001", null, "system").getUserId()).isEqualTo("early");
    }

    @Test
    void withNobodyInTheWardAnyActiveMitanOfTheBodyWillDo() {
        mitan(1, "RPR", "asha", 3, Set.of(1));
        mitan(2, "RPR", "bina", 1, Set.of(2));
        Mitan inactive = mitan(3, "RPR", "chetan", 0, Set.of(12));
        inactive.setActive(false);

        assertThat(service.assign("RPR-2026-000001", " ", "system").getUserId()).isEqualTo("bina");
    }

    @Test
    void withNobodyInTheBodyTheSupervisorIsToldWhy() {
        mitan(1, "BHI", "dev", 0, Set.of(12));

        NoMitanAvailableException problem = catchThrowableOfType(NoMitanAvailableException.class,
                () -> service.assign("RPR-2026-000001", null, "system"));

        assertThat(problem.getMessage()).contains("No active Mitan works for Raipur (RPR)", "ward 12",
                "RPR-2026-000001", "add or reactivate");
        assertThat(request.getMitanId()).isNull();
        verify(requests, never()).advance(any(), any(), anyString(), anyString());
    }

    @Test
    void aSupervisorsValidChoiceIsTakenOverTheRules() {
        mitan(1, "RPR", "asha", 0, Set.of(12));
        mitan(2, "RPR", "bina", 9, Set.of(60));

        assertThat(service.assign("RPR-2026-000001", " bina ", "sup1").getUserId()).isEqualTo("bina");
        verify(requests).advance(request, RequestStatus.MITAN_ASSIGNED, "sup1", "bina-name (bina)");
    }

    @Test
    void anUnknownChoiceIsRefusedListingWhoCanBeChosen() {
        mitan(1, "RPR", "asha", 0, Set.of(12, 13));

        NoMitanAvailableException problem = catchThrowableOfType(NoMitanAvailableException.class,
                () -> service.assign("RPR-2026-000001", "nobody", "sup1"));

        assertThat(problem.getMessage()).contains("'nobody' is not the user id of a Mitan",
                "Active Mitans of Raipur (RPR): asha (asha-name, wards 12, 13).");
        assertThat(request.getMitanId()).isNull();
    }

    @Test
    void anInactiveChoiceIsRefused() {
        mitan(1, "RPR", "asha", 0, Set.of(12)).setActive(false);

        assertThat(catchThrowableOfType(NoMitanAvailableException.class,
                () -> service.assign("RPR-2026-000001", "asha", "sup1")).getMessage())
                .contains("Mitan asha-name (asha) is no longer active", "Raipur (RPR) has no active Mitan");
        assertThat(request.getMitanId()).isNull();
    }

    @Test
    void aChoiceFromAnotherBodyIsRefused() {
        mitan(1, "BHI", "dev", 0, Set.of(12));
        mitan(2, "RPR", "asha", 0, Set.of(12));

        assertThat(catchThrowableOfType(NoMitanAvailableException.class,
                () -> service.assign("RPR-2026-000001", "dev", "sup1")).getMessage())
                .contains("works for Bhilai (BHI), not Raipur (RPR)", "asha (asha-name, wards 12)");
        verify(requests, never()).advance(any(), any(), anyString(), anyString());
    }

    @Test
    void onARevisitTheSameMitanKeepsTheRequestWhileActive() {
        Mitan first = mitan(5, "RPR", "farah", 8, Set.of(30));
        mitan(1, "RPR", "asha", 0, Set.of(12));
        request.setMitanId(first.getId());

        assertThat(service.assign("RPR-2026-000001", null, "system").getUserId()).isEqualTo("farah");
    }

    @Test
    void aRequestReturnedFromScrutinyIsBackWithItsMitan() {
        Mitan first = mitan(5, "RPR", "farah", 8, Set.of(30));
        request.setMitanId(first.getId());
        request.moveTo(RequestStatus.UNDER_SCRUTINY, Instant.parse("2026-05-03T04:30:00Z"));

        assertThat(service.assign("RPR-2026-000001", null, "system").getUserId()).isEqualTo("farah");

        verify(requests).advance(request, RequestStatus.MITAN_ASSIGNED, "system", "farah-name (farah)");
    }

    @Test
    void aMitanWhoLeftIsReplaced() {
        Mitan first = mitan(5, "RPR", "farah", 8, Set.of(12));
        first.setActive(false);
        mitan(1, "RPR", "asha", 3, Set.of(12));
        request.setMitanId(first.getId());

        assertThat(service.assign("RPR-2026-000001", null, "system").getUserId()).isEqualTo("asha");
        assertThat(request.getMitanId()).isEqualTo(1L);
    }

    @Test
    void aRefusalLeavesTheEnginesTransactionUsable() throws NoSuchMethodException {
        Transactional transactional = MitanAssignmentService.class
                .getMethod("assign", String.class, String.class, String.class).getAnnotation(Transactional.class);

        assertThat(transactional.noRollbackFor()).contains(NoMitanAvailableException.class);
    }

    private Mitan mitan(long id, String body, String userId, long open, Set<Integer> wards) {
        Mitan mitan = new Mitan(body, userId + "-name", "9000000000", userId, wards);
        ReflectionTestUtils.setField(mitan, "id", id);
        active.add(mitan);
        openRequests.put(id, open);
        when(mitans.findByUserId(userId)).thenReturn(Optional.of(mitan));
        when(mitans.findById(id)).thenReturn(Optional.of(mitan));
        return mitan;
    }
}
