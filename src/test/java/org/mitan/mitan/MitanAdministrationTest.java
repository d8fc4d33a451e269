package org.mitan.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.municipality.BodyKind;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.util.ReflectionTestUtils;

class MitanAdministrationTest {

    private final MitanRepository mitans = mock(MitanRepository.class);
    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final MitanAdministration administration = new MitanAdministration(mitans, bodies, identity);
    /** Camunda's users and their groups, as Camunda Admin left them. */
    private final Map<String, Set<String>> camundaUsers = new HashMap<>();
    private final UrbanBody korba = new UrbanBody("KRB", "Korba", "कोरबा", "Korba", BodyKind.MUNICIPAL_CORPORATION,
            67);
    private final UrbanBody raigarh = new UrbanBody("RGH", "Raigarh", "रायगढ़", "Raigarh",
            BodyKind.MUNICIPAL_CORPORATION, 48);

    @BeforeEach
    void setUp() {
        raigarh.setActive(false);
        when(bodies.lockByCode(anyString())).thenReturn(Optional.empty());
        when(bodies.lockByCode("KRB")).thenReturn(Optional.of(korba));
        when(bodies.lockByCode("RGH")).thenReturn(Optional.of(raigarh));
        when(bodies.findById(anyString())).thenReturn(Optional.empty());
        when(bodies.findById("KRB")).thenReturn(Optional.of(korba));
        when(mitans.findByUserId(anyString())).thenReturn(Optional.empty());
        when(mitans.saveAndFlush(any())).thenAnswer(call -> {
            Mitan mitan = call.getArgument(0);
            ReflectionTestUtils.setField(mitan, "id", 41L);
            return mitan;
        });
        when(mitans.countOpenRequests(anyLong())).thenReturn(0L);
        when(identity.createUserQuery()).thenAnswer(call -> userQuery());
        camundaUsers.put("mitan.korba2", Set.of("mitan-KRB"));
        camundaUsers.put("clerk.korba", Set.of("clerk-KRB"));
    }

    @Test
    void aMitanUserOfAnActiveBodyBecomesAMitan() {
        MitanView added = administration.add(new NewMitan("krb", " Kamla  Rathia ", "+91 98765 00011",
                " mitan.korba2 ", List.of("1-3", "7")));

        assertThat(added).isEqualTo(new MitanView("mitan.korba2", "Kamla Rathia", "9876500011", "KRB",
                List.of(1, 2, 3, 7), true, 0));
        verify(mitans).saveAndFlush(any(Mitan.class));
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan("XYZ", "", "12345", null, List.of("two"))));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(fieldErrors(refusal)).containsOnlyKeys("bodyCode", "name", "phone", "userId", "wards");
        assertThat(fieldErrors(refusal).get("bodyCode")).contains("'XYZ' is not an urban body");
        assertThat(fieldErrors(refusal).get("phone")).contains("Indian mobile number");
        assertThat(fieldErrors(refusal).get("wards")).contains("'two'");
        verify(mitans, never()).saveAndFlush(any());
    }

    @Test
    void missingFieldsAreNamed() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan(null, null, null, null, null)));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("bodyCode", "name", "phone", "userId", "wards");
        assertThat(fieldErrors(refusal).values()).allMatch(problem -> problem.startsWith("is required"));
    }

    @Test
    void wardsMustBeWithinTheBody() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan("KRB", "Kamla Rathia", "9876500011", "mitan.korba2", List.of("60-70"))));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("wards");
        assertThat(fieldErrors(refusal).get("wards")).contains("within wards 1 to 67 of Korba (KRB)");
    }

    @Test
    void aBodyThatIsNotActiveTakesNoNewMitans() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan("RGH", "Kamla Rathia", "9876500011", "mitan.korba2", List.of("1"))));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("bodyCode");
        assertThat(fieldErrors(refusal).get("bodyCode")).contains("Raigarh (RGH) is not active",
                "PATCH /api/bodies/RGH");
        verify(mitans, never()).saveAndFlush(any());
    }

    @Test
    void aUserUnknownToCamundaIsRefusedWithWhatToDoFirst() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan("KRB", "Kamla Rathia", "9876500011", "mitan.nobody", List.of("1"))));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(fieldErrors(refusal)).containsOnlyKeys("userId");
        assertThat(fieldErrors(refusal).get("userId")).contains("not a Camunda user", "Camunda Admin",
                "group 'mitan-<BODY>'");
        verify(mitans, never()).saveAndFlush(any());
    }

    @Test
    void aUserOutsideGroupMitanIsRefusedWithWhatToDoFirst() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan("KRB", "Meena Clerk", "9876500011", "clerk.korba", List.of("1"))));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("userId");
        assertThat(fieldErrors(refusal).get("userId")).contains("not in group 'mitan-KRB'", "Camunda Admin");
        verify(mitans, never()).saveAndFlush(any());
    }

    @Test
    void aUserWhoIsAlreadyAMitanIsAConflict() {
        when(mitans.findByUserId("mitan.korba2")).thenReturn(Optional.of(
                new Mitan("KRB", "Kamla Rathia", "9876500011", "mitan.korba2", Set.of(1))));

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan("KRB", "Kamla Rathia", "9876500011", "mitan.korba2", List.of("2"))));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.getMessage()).contains("already a Mitan of KRB", "PATCH /api/mitans/mitan.korba2");
        verify(mitans, never()).saveAndFlush(any());
    }

    @Test
    void aMitanAddedAtTheSameMomentIsAConflictToo() {
        doThrow(new DataIntegrityViolationException("mitan_user_id_key")).when(mitans).saveAndFlush(any());

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan("KRB", "Kamla Rathia", "9876500011", "mitan.korba2", List.of("2"))));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
    }

    @Test
    void theGivenFieldsChangeAndTheOthersStay() {
        Mitan mitan = existing("KRB", true);

        MitanView changed = administration.change("mitan.korba2", new MitanChange("0 98765 00022",
                List.of("10-12"), null));

        assertThat(changed.phone()).isEqualTo("9876500022");
        assertThat(changed.wards()).containsExactly(10, 11, 12);
        assertThat(changed.active()).isTrue();
        assertThat(mitan.getWards()).containsExactlyInAnyOrder(10, 11, 12);

        administration.change("mitan.korba2", new MitanChange(null, null, "false"));
        assertThat(mitan.isActive()).isFalse();
        assertThat(mitan.getPhone()).isEqualTo("9876500022");
    }

    @Test
    void badChangesAreNamedAndNothingChanges() {
        Mitan mitan = existing("KRB", true);

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.change("mitan.korba2",
                new MitanChange("555", List.of("68"), "no")));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("phone", "wards", "active");
        assertThat(mitan.getPhone()).isEqualTo("9876500011");
        assertThat(mitan.getWards()).containsExactly(1);
        assertThat(mitan.isActive()).isTrue();
    }

    @Test
    void aNameOfInvisibleOrControlCharactersIsRefused() {
        for (String name : new String[] {"\u200B\u200B", "Kamla\u0000Rathia", "..."}) {
            Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                    new NewMitan("KRB", name, "9876500011", "mitan.korba2", List.of("1"))));

            assertThat(fieldErrors(refusal)).as(name).containsOnlyKeys("name");
        }
        verify(mitans, never()).saveAndFlush(any());
    }

    @Test
    void aLandlineNumberIsRefusedForANewMitanAndAsAChange() {
        Mitan mitan = existing("KRB", true);

        Refusal added = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewMitan("KRB", "Kamla Rathia", "0771-2345678", "mitan.korba2", List.of("1"))));
        Refusal changed = catchThrowableOfType(Refusal.class, () -> administration.change("mitan.korba2",
                new MitanChange("0771 2345678", null, null)));

        assertThat(fieldErrors(added).get("phone")).startsWith("looks like a landline number");
        assertThat(fieldErrors(changed).get("phone")).startsWith("looks like a landline number");
        assertThat(mitan.getPhone()).isEqualTo("9876500011");
    }

    @Test
    void aMitanOfAnInactiveBodyCannotBeReactivated() {
        Mitan mitan = existing("RGH", false);

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.change("mitan.korba2",
                new MitanChange(null, null, "true")));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.getMessage()).contains("Raigarh (RGH) is not active", "PATCH /api/bodies/RGH");
        assertThat(mitan.isActive()).isFalse();
    }

    @Test
    void aChangeWithoutFieldsIsRefused() {
        existing("KRB", true);

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.change("mitan.korba2",
                new MitanChange(null, null, null)));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal.getTitle()).isEqualTo("Nothing to change");
    }

    @Test
    void anUnknownMitanIsNotFound() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.change("mitan.nobody",
                new MitanChange("9876500022", null, null)));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal.getMessage()).contains("mitan.nobody", "POST /api/mitans");
    }

    @Test
    void theListShowsEachMitanWithItsOpenRequests() {
        Mitan first = new Mitan("KRB", "Anil Kanwar", "9876500003", "mitan.korba", Set.of(2, 1));
        ReflectionTestUtils.setField(first, "id", 3L);
        Mitan second = new Mitan("KRB", "Kamla Rathia", "9876500011", "mitan.korba2", Set.of(9));
        ReflectionTestUtils.setField(second, "id", 4L);
        second.setActive(false);
        when(mitans.findByBodyCodeOrderByUserId("KRB")).thenReturn(List.of(first, second));
        when(mitans.countOpenRequests(3L)).thenReturn(5L);

        assertThat(administration.list("krb")).containsExactly(
                new MitanView("mitan.korba", "Anil Kanwar", "9876500003", "KRB", List.of(1, 2), true, 5),
                new MitanView("mitan.korba2", "Kamla Rathia", "9876500011", "KRB", List.of(9), false, 0));
    }

    @Test
    void theListOfAnUnknownBodyIsNotFound() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.list("XYZ"));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    private Mitan existing(String body, boolean active) {
        Mitan mitan = new Mitan(body, "Kamla Rathia", "9876500011", "mitan.korba2", Set.of(1));
        ReflectionTestUtils.setField(mitan, "id", 41L);
        mitan.setActive(active);
        when(mitans.findByUserId("mitan.korba2")).thenReturn(Optional.of(mitan));
        return mitan;
    }

    /** A user query answering from {@link #camundaUsers}, for the user id and group it was given. */
    private UserQuery userQuery() {
        UserQuery query = mock(UserQuery.class);
        String[] criteria = new String[2];
        when(query.userId(anyString())).thenAnswer(call -> {
            criteria[0] = call.getArgument(0);
            return query;
        });
        when(query.memberOfGroup(anyString())).thenAnswer(call -> {
            criteria[1] = call.getArgument(0);
            return query;
        });
        when(query.count()).thenAnswer(call -> {
            Set<String> groups = camundaUsers.get(criteria[0]);
            return groups != null && (criteria[1] == null || groups.contains(criteria[1])) ? 1L : 0L;
        });
        return query;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrors(Refusal refusal) {
        return (Map<String, String>) refusal.getProperties().get("fieldErrors");
    }
}
