package org.mitan.municipality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.failure.Refusal;
import org.mitan.municipality.UrbanBodyRepository.WardHolder;
import org.springframework.dao.DataIntegrityViolationException;

class UrbanBodyAdministrationTest {

    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    /** Stand-in for the certificate's fonts: everything but Tamil. */
    private final UrbanBodyAdministration administration = new UrbanBodyAdministration(bodies, event -> { },
            text -> text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.TAMIL)
                    .findFirst());
    private UrbanBody raipur;

    @BeforeEach
    void setUp() {
        raipur = new UrbanBody("RPR", "Raipur", "रायपुर", "Raipur", BodyKind.MUNICIPAL_CORPORATION, 70);
        raipur.setSupervisorPhone("9876500099");
        when(bodies.findById(anyString())).thenReturn(Optional.empty());
        when(bodies.findById("RPR")).thenReturn(Optional.of(raipur));
        when(bodies.lockByCode(anyString())).thenReturn(Optional.empty());
        when(bodies.lockByCode("RPR")).thenReturn(Optional.of(raipur));
        when(bodies.saveAndFlush(any())).thenAnswer(call -> call.getArgument(0));
        when(bodies.mitansServingWardsAbove(anyString(), anyInt())).thenReturn(List.of());
        when(bodies.openRequestsInWardsAbove(anyString(), anyInt())).thenReturn(List.of());
    }

    @Test
    void aNewBodyIsStoredWithAnUpperCaseCodeAndANormalisedPhone() {
        UrbanBody added = administration.add(new NewBody(" kwd ", "Kawardha", "कवर्धा", "Kabirdham",
                "municipal_council", "27", "+91 98765-43210"));

        assertThat(added.getCode()).isEqualTo("KWD");
        assertThat(added.getNameEn()).isEqualTo("Kawardha");
        assertThat(added.getNameHi()).isEqualTo("कवर्धा");
        assertThat(added.getDistrict()).isEqualTo("Kabirdham");
        assertThat(added.getKind()).isEqualTo(BodyKind.MUNICIPAL_COUNCIL);
        assertThat(added.getWards()).isEqualTo(27);
        assertThat(added.getSupervisorPhone()).isEqualTo("9876543210");
        assertThat(added.isActive()).isTrue();
        assertThat(added.isNew()).as("saved as an insert, never merged over a body with the same code").isTrue();
        verify(bodies).saveAndFlush(added);
    }

    @Test
    void theSupervisorPhoneMayBeLeftOut() {
        UrbanBody added = administration.add(new NewBody("GRB", "Gariaband", "गरियाबंद", "Gariaband",
                "NAGAR_PANCHAYAT", "15", null));

        assertThat(added.getSupervisorPhone()).isNull();
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewBody("K", " ", null, "x".repeat(101), "CITY", "201", "12345")));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(fieldErrors(refusal)).containsOnlyKeys("code", "nameEn", "nameHi", "district", "kind", "wards",
                "supervisorPhone");
        assertThat(fieldErrors(refusal).get("code")).contains("2 to 16 capital letters or digits");
        assertThat(fieldErrors(refusal).get("kind")).contains("MUNICIPAL_CORPORATION, MUNICIPAL_COUNCIL or"
                + " NAGAR_PANCHAYAT");
        assertThat(fieldErrors(refusal).get("wards")).contains("1 to 200");
        assertThat(fieldErrors(refusal).get("supervisorPhone")).contains("Indian mobile number");
        verify(bodies, never()).saveAndFlush(any());
    }

    @Test
    void codesWithOtherCharactersOrMissingWardsAreRefused() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewBody("BS-P", "Bilaspur", "बिलासपुर", "Bilaspur", "MUNICIPAL_CORPORATION", null, null)));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("code", "wards");
        assertThat(fieldErrors(refusal).get("wards")).startsWith("is required");
        verify(bodies, never()).saveAndFlush(any());
    }

    @Test
    void aCodeInUseIsAConflictNamingTheBody() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewBody("rpr", "Raipur", "रायपुर", "Raipur", "MUNICIPAL_CORPORATION", "70", null)));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.getMessage()).contains("RPR", "Raipur", "PATCH /api/bodies/RPR");
        assertThat(refusal.getProperties()).containsEntry("code", "RPR");
        verify(bodies, never()).saveAndFlush(any());
    }

    @Test
    void aCodeTakenAtTheSameMomentIsAConflictToo() {
        doThrow(new DataIntegrityViolationException("urban_body_pkey")).when(bodies).saveAndFlush(any());

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewBody("KWD", "Kawardha", "कवर्धा", "Kabirdham", "MUNICIPAL_COUNCIL", "27", null)));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.getMessage()).contains("KWD");
    }

    @Test
    void theGivenFieldsChangeAndTheOthersStay() {
        UrbanBody changed = administration.change("rpr", new BodyChange("098765 00088", "75", null));

        assertThat(changed.getSupervisorPhone()).isEqualTo("9876500088");
        assertThat(changed.getWards()).isEqualTo(75);
        assertThat(changed.isActive()).isTrue();

        administration.change("RPR", new BodyChange(null, null, "false"));
        assertThat(raipur.isActive()).isFalse();
        assertThat(raipur.getSupervisorPhone()).isEqualTo("9876500088");
        assertThat(raipur.getWards()).isEqualTo(75);
    }

    @Test
    void fewerWardsAreFineWhenNobodyUsesTheWardsCut() {
        administration.change("RPR", new BodyChange(null, "60", null));

        assertThat(raipur.getWards()).isEqualTo(60);
        verify(bodies).mitansServingWardsAbove("RPR", 60);
        verify(bodies).openRequestsInWardsAbove("RPR", 60);
    }

    @Test
    void fewerWardsThanAMitanServesOrAnOpenRequestUsesIsAConflictNamingThem() {
        when(bodies.mitansServingWardsAbove("RPR", 60)).thenReturn(List.of(holder("mitan.raipur2", 70)));
        when(bodies.openRequestsInWardsAbove("RPR", 60)).thenReturn(List.of(holder("RPR-2026-000012", 65)));

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> administration.change("RPR", new BodyChange("9876500088", "60", "false")));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.getMessage()).contains("Raipur (RPR) cannot have only 60 wards",
                "mitan.raipur2 up to ward 70", "PATCH /api/mitans/{userId}", "RPR-2026-000012 in ward 65");
        assertThat(refusal.getProperties()).containsEntry("mitans", List.of("mitan.raipur2"))
                .containsEntry("openRequests", List.of("RPR-2026-000012"));
        assertThat(raipur.getWards()).isEqualTo(70);
        assertThat(raipur.getSupervisorPhone()).isEqualTo("9876500099");
        assertThat(raipur.isActive()).isTrue();
    }

    @Test
    void aLongListOfHoldersIsCountedNotSpelledOut() {
        when(bodies.openRequestsInWardsAbove("RPR", 10)).thenReturn(IntStream.rangeClosed(1, 13)
                .mapToObj(i -> holder(String.format("RPR-2026-%06d", i), 11)).toList());

        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> administration.change("RPR", new BodyChange(null, "10", null)));

        assertThat(refusal.getMessage()).contains("RPR-2026-000010 in ward 11 and 3 more")
                .doesNotContain("RPR-2026-000011").doesNotContain("Mitans serving");
        assertThat((List<?>) refusal.getProperties().get("openRequests")).hasSize(10);
    }

    @Test
    void badChangesAreNamedAndNothingChanges() {
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> administration.change("RPR", new BodyChange("", "0", "maybe")));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(fieldErrors(refusal)).containsOnlyKeys("supervisorPhone", "wards", "active");
        assertThat(fieldErrors(refusal).get("active")).isEqualTo("must be true or false");
        assertThat(raipur.getWards()).isEqualTo(70);
        assertThat(raipur.getSupervisorPhone()).isEqualTo("9876500099");
    }

    @Test
    void aLandlineIsNotASupervisorPhone() {
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> administration.change("RPR", new BodyChange("0771-2345678", null, null)));

        assertThat(fieldErrors(refusal).get("supervisorPhone")).startsWith("looks like a landline number")
                .contains("mobile");
        assertThat(raipur.getSupervisorPhone()).isEqualTo("9876500099");
    }

    @Test
    void aChangeWithoutFieldsIsRefused() {
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> administration.change("RPR", new BodyChange(null, null, null)));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal.getMessage()).contains("supervisorPhone", "wards", "active");
    }

    @Test
    void anUnknownBodyIsNotFound() {
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> administration.change("XYZ", new BodyChange("9876500088", null, null)));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal.getMessage()).contains("XYZ");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> fieldErrors(Refusal refusal) {
        return (Map<String, String>) refusal.getProperties().get("fieldErrors");
    }

    private static WardHolder holder(String holder, int ward) {
        return new WardHolder() {
            @Override
            public String getHolder() {
                return holder;
            }

            @Override
            public int getWard() {
                return ward;
            }
        };
    }

    @Test
    void aNameTheCertificateCannotPrintIsRefusedBeforeItHeadsOne() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewBody("CBE", "கோவை", "कोयंबटूर", "Coimbatore", "MUNICIPAL_COUNCIL", "20", null)));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("nameEn");
        assertThat(fieldErrors(refusal).get("nameEn")).contains("cannot print").contains("U+0B95");
        verify(bodies, never()).saveAndFlush(any());
    }

    /** The Hindi name heads the certificate too ("नगर पालिक निगम ..."), above the English one. */
    @Test
    void aHindiNameTheCertificateCannotPrintIsRefusedToo() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> administration.add(
                new NewBody("CBE", "Coimbatore", "கோவை", "Coimbatore", "MUNICIPAL_COUNCIL", "20", null)));

        assertThat(refusal).isNotNull();
        assertThat(fieldErrors(refusal)).containsOnlyKeys("nameHi");
        assertThat(fieldErrors(refusal).get("nameHi")).contains("cannot print").contains("U+0B95");
        verify(bodies, never()).saveAndFlush(any());
    }
}
