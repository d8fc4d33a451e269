package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mitan.failure.Refusal;
import org.mitan.municipality.BodyKind;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.request.VisitWindow;
import org.mitan.text.PrintableCharacters;
import org.mitan.catalogue.Catalogue;

class RegistrationValidatorTest {

    private final Catalogue types = mock(Catalogue.class);
    private final UrbanBodyRepository bodies = mock(UrbanBodyRepository.class);
    /** The certificate's fonts print Latin and Devanagari; here, as a stand-in, everything but Tamil and emoji. */
    static final PrintableCharacters PRINTABLE = text -> text == null ? java.util.OptionalInt.empty()
            : text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.TAMIL
                    || c > 0xFFFF).findFirst();
    private final RegistrationValidator validator = new RegistrationValidator(types, bodies, PRINTABLE);

    static RegistrationForm valid() {
        return new RegistrationForm("birth-certificate", "RPR", "12", "Asha Verma", "+91 98765 43210",
                "12 Station Road, Raipur", "MORNING", "en");
    }

    @BeforeEach
    void catalogue() {
        when(types.find(anyString())).thenReturn(Optional.empty());
        when(types.find("birth-certificate")).thenReturn(Optional.of(Fixtures.BIRTH));
        when(types.all()).thenReturn(List.of(Fixtures.BIRTH));
        when(bodies.findById(anyString())).thenReturn(Optional.empty());
        when(bodies.findById("RPR")).thenReturn(Optional.of(Fixtures.raipur()));
        when(bodies.findById("KRB")).thenReturn(Optional.of(Fixtures.inactive(
                new UrbanBody("KRB", "Korba", "कोरबा", "Korba",
                        BodyKind.MUNICIPAL_CORPORATION, 67))));
    }

    @Test
    void aValidFormComesBackInStoredForm() {
        ValidRegistration registration = validator.validate(new RegistrationForm(" birth-certificate ", "rpr",
                " 70 ", "  Asha   Verma ", "098765-43210", " 12 Station Road,\n Raipur ", "evening", null));

        assertThat(registration.type()).isEqualTo(Fixtures.BIRTH);
        assertThat(registration.body().getCode()).isEqualTo("RPR");
        assertThat(registration.ward()).isEqualTo(70);
        assertThat(registration.citizenName()).isEqualTo("Asha Verma");
        assertThat(registration.citizenPhone()).isEqualTo("9876543210");
        assertThat(registration.address()).isEqualTo("12 Station Road, Raipur");
        assertThat(registration.preferredVisitWindow()).isEqualTo(VisitWindow.EVENING);
        assertThat(registration.language()).isEqualTo("hi");
    }

    @Test
    void devanagariNamesAndAddressesWithTheirJoinersAreAccepted() {
        ValidRegistration registration = validator.validate(new RegistrationForm("birth-certificate", "RPR", "12",
                "श्रीमती लक्ष्मी क्\u200Cष", "9876543210", "वार्ड 12, कोटा, रायपुर", "MORNING", "hi"));

        assertThat(registration.citizenName()).isEqualTo("श्रीमती लक्ष्मी क्\u200Cष");
        assertThat(registration.address()).isEqualTo("वार्ड 12, कोटा, रायपुर");
    }

    /** An agent typing on a Hindi keyboard types Devanagari digits; the request keeps Latin ones. */
    @Test
    void aWardAndAPhoneInDevanagariDigitsAreTakenAndKeptInLatinOnes() {
        ValidRegistration registration = validator.validate(new RegistrationForm("birth-certificate", "RPR", "१२",
                "लक्ष्मी यादव", "९८७६५ ४३२१०", "मकान १४, गांधी चौक", "MORNING", "hi"));

        assertThat(registration.ward()).isEqualTo(12);
        assertThat(registration.citizenPhone()).isEqualTo("9876543210");
        assertThat(registration.address()).isEqualTo("मकान १४, गांधी चौक");
    }

    @Test
    void englishIsKeptWhenAsked() {
        assertThat(validator.validate(valid()).language()).isEqualTo("en");
    }

    static Stream<Arguments> badFields() {
        RegistrationForm v = valid();
        return Stream.of(
                Arguments.of(with(v, "certificateType", null), "certificateType", "is required"),
                Arguments.of(with(v, "certificateType", "gun-licence"), "certificateType",
                        "not a certificate type offered here; offered: birth-certificate"),
                Arguments.of(with(v, "bodyCode", " "), "bodyCode", "is required"),
                Arguments.of(with(v, "bodyCode", "XYZ"), "bodyCode", "not an urban body"),
                Arguments.of(with(v, "bodyCode", "KRB"), "bodyCode", "not an urban body"),
                Arguments.of(with(v, "ward", null), "ward", "is required"),
                Arguments.of(with(v, "ward", "twelve"), "ward", "from 1 to 70 of Raipur"),
                Arguments.of(with(v, "ward", "0"), "ward", "from 1 to 70 of Raipur"),
                Arguments.of(with(v, "ward", "-3"), "ward", "from 1 to 70 of Raipur"),
                Arguments.of(with(v, "ward", "71"), "ward", "from 1 to 70 of Raipur"),
                Arguments.of(with(v, "ward", "12.5"), "ward", "from 1 to 70 of Raipur"),
                Arguments.of(with(v, "citizenName", ""), "citizenName", "is required"),
                Arguments.of(with(v, "citizenName", "A".repeat(101)), "citizenName", "at most 100 characters"),
                Arguments.of(with(v, "citizenPhone", null), "citizenPhone", "is required"),
                Arguments.of(with(v, "citizenPhone", "5876543210"), "citizenPhone", "not an Indian mobile number"),
                Arguments.of(with(v, "citizenPhone", "98765"), "citizenPhone", "not an Indian mobile number"),
                Arguments.of(with(v, "citizenPhone", "0771-234567"), "citizenPhone", "looks like a landline number"),
                Arguments.of(with(v, "citizenPhone", "0771-2345678"), "citizenPhone",
                        "looks like a landline number (STD code 0771); SMS can only go to a mobile number"),
                Arguments.of(with(v, "citizenPhone", "0771 2345678"), "citizenPhone", "looks like a landline number"),
                Arguments.of(with(v, "citizenName", "Rekha\u0000Markam"), "citizenName",
                        "contains a control character (U+0000 NULL)"),
                Arguments.of(with(v, "citizenName", "\u200B\u200B\u200B"), "citizenName",
                        "contains an invisible character (U+200B ZERO WIDTH SPACE)"),
                Arguments.of(with(v, "citizenName", "\u200D\u200C"), "citizenName", "has no letter in it"),
                Arguments.of(with(v, "citizenName", "--"), "citizenName", "has no letter in it"),
                Arguments.of(with(v, "address", "Kota\u0007, Raipur"), "address", "contains a control character"),
                Arguments.of(with(v, "address", "12 / 4"), "address", "has no letter in it"),
                Arguments.of(with(v, "address", "\n "), "address", "is required"),
                Arguments.of(with(v, "address", "x".repeat(501)), "address", "at most 500 characters"),
                Arguments.of(with(v, "preferredVisitWindow", null), "preferredVisitWindow", "is required"),
                Arguments.of(with(v, "preferredVisitWindow", "NIGHT"), "preferredVisitWindow",
                        "must be MORNING, AFTERNOON or EVENING"),
                Arguments.of(with(v, "language", "fr"), "language", "must be hi (Hindi) or en (English)"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badFields")
    void eachBadFieldIsNamedAlone(RegistrationForm form, String field, String message) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> validator.validate(form));

        assertThat(refusal.getKind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(fieldErrors(refusal)).containsOnlyKeys(field);
        assertThat(fieldErrors(refusal).get(field)).contains(message);
        assertThat(refusal.getMessage()).contains(field);
    }

    @Test
    void anEmptyFormNamesEveryRequiredFieldAtOnce() {
        Refusal refusal = catchThrowableOfType(Refusal.class,
                () -> validator.validate(new RegistrationForm(null, null, null, null, null, null, null, null)));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("certificateType", "bodyCode", "ward", "citizenName",
                "citizenPhone", "address", "preferredVisitWindow");
        assertThat(fieldErrors(refusal).values()).allMatch(message -> message.startsWith("is required"));
    }

    @Test
    void severalBadFieldsAreNamedTogetherInTheMessage() {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> validator.validate(
                new RegistrationForm("birth-certificate", "XYZ", "0", "Asha", "12345", "Road", "NOON", "hi")));

        assertThat(fieldErrors(refusal)).containsOnlyKeys("bodyCode", "ward", "citizenPhone",
                "preferredVisitWindow");
        assertThat(fieldErrors(refusal).get("ward")).isEqualTo("must be a ward number from 1");
        assertThat(refusal.getMessage()).contains("bodyCode", "ward", "citizenPhone", "preferredVisitWindow");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> fieldErrors(Refusal refusal) {
        return (Map<String, String>) refusal.getProperties().get("fieldErrors");
    }

    private static RegistrationForm with(RegistrationForm f, String field, String value) {
        return new RegistrationForm(
                field.equals("certificateType") ? value : f.certificateType(),
                field.equals("bodyCode") ? value : f.bodyCode(),
                field.equals("ward") ? value : f.ward(),
                field.equals("citizenName") ? value : f.citizenName(),
                field.equals("citizenPhone") ? value : f.citizenPhone(),
                field.equals("address") ? value : f.address(),
                field.equals("preferredVisitWindow") ? value : f.preferredVisitWindow(),
                field.equals("language") ? value : f.language());
    }

    @Test
    void devanagariNamesAndAddressesAreAccepted() {
        ValidRegistration registration = validator.validate(new RegistrationForm("birth-certificate", "RPR", "12",
                "लक्ष्मी यादव", "9876543210", "मकान 14, गांधी चौक, रायपुर।", "MORNING", "hi"));

        assertThat(registration.citizenName()).isEqualTo("लक्ष्मी यादव");
        assertThat(registration.address()).isEqualTo("मकान 14, गांधी चौक, रायपुर।");
    }

    @Test
    void aNameOrAddressTheCertificateCannotPrintIsRefusedAtTheDoorNamingTheCharacter() {
        Refusal refused = catchThrowableOfType(Refusal.class, () -> validator.validate(
                new RegistrationForm("birth-certificate", "RPR", "12", "அருண் குமார்", "9876543210",
                        "House 4 \uD83C\uDFE0", "MORNING", "hi")));

        assertThat(refused.getKind()).isEqualTo(Refusal.Kind.INVALID);
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) refused.getProperties().get("fieldErrors");
        assertThat(errors.get("citizenName")).contains("cannot print").contains("U+0B85")
                .contains("Devanagari or Latin letters");
        assertThat(errors.get("address")).contains("U+1F3E0");
    }
}
