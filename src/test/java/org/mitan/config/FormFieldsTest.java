package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** The limits a Camunda Form's fields set, as a completion through the REST API is held to them. */
class FormFieldsTest {

    private static final String FORM = """
            {"components": [
              {"key": "particular_ageAtDeath", "type": "number", "validate": {"required": true, "min": 0, "max": 130}},
              {"key": "visitRemarks", "type": "textarea", "validate": {"maxLength": 10}},
              {"key": "deliveryOtp", "type": "textfield", "validate": {"minLength": 6, "maxLength": 6}},
              {"key": "note", "type": "textfield"}
            ]}""";

    private final FormFields.Form form = FormFields.Form.of(read(FORM));

    @Test
    void aNumberOutsideItsFieldsRangeOrNoNumberAtAllBreaksTheLimits() {
        FormFields.Limits age = form.limits().get("particular_ageAtDeath");

        assertThat(age.broken(78L)).isEmpty();
        assertThat(age.broken(0)).isEmpty();
        assertThat(age.broken(130.0)).isEmpty();
        assertThat(age.broken("42")).as("a number field sent as text").isEmpty();
        assertThat(age.broken(-5L)).hasValue("must be a number from 0 to 130; -5 is not");
        assertThat(age.broken(99999L)).hasValue("must be a number from 0 to 130; 99999 is not");
        assertThat(age.broken(Double.NaN)).hasValue("must be a number");
        assertThat(age.broken(Double.POSITIVE_INFINITY)).hasValue("must be a number");
        assertThat(age.broken("many")).hasValue("must be a number");
        assertThat(age.broken(null)).as("left to the required rule").isEmpty();
    }

    /**
     * A number sent as text with a huge exponent, or with a million digits, is refused at once, quoting what was sent
     * in a few characters: not written out in full (a billion zeros) nor read digit by digit, which held the
     * completion's thread for minutes and could exhaust the memory.
     */
    @Test
    void aNumberWithAHugeExponentOrAMillionDigitsIsRefusedAtOnce() {
        FormFields.Limits age = form.limits().get("particular_ageAtDeath");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(age.broken("1e999999999")).hasValue("must be a number from 0 to 130; 1e999999999 is not");
            assertThat(age.broken("-1E+999999999")).hasValue("must be a number from 0 to 130; -1E+999999999 is not");
            assertThat(age.broken("1e-999999999")).isEmpty();
            assertThat(age.broken("9".repeat(1_000_000))).hasValue("must be a number");
        });
    }

    @Test
    void aTextLongerOrShorterThanItsFieldAllowsBreaksTheLimitsCountedAsTasklistCounts() {
        FormFields.Limits remarks = form.limits().get("visitRemarks");
        FormFields.Limits otp = form.limits().get("deliveryOtp");

        assertThat(remarks.broken("  ten chars!  ".substring(2, 12) + "  ")).as("blanks around not counted").isEmpty();
        assertThat(remarks.broken("नमस्ते जी")).as("counted in characters, as Tasklist does").isEmpty();
        assertThat(remarks.broken("😀".repeat(10))).as("an emoji is one character, not two").isEmpty();
        assertThat(remarks.broken("x".repeat(11))).hasValue("must be at most 10 characters; it has 11");
        assertThat(otp.broken("042137")).isEmpty();
        assertThat(otp.broken("0421")).hasValue("must be at least 6 characters; it has 4");
        assertThat(otp.broken("")).as("left to the required rule").isEmpty();
        assertThat(form.limits()).doesNotContainKey("note");
    }

    @Test
    void aChecklistOrTagListTakesAJsonListOfTheTextsItOffersOrOfShortTextsWhenTheDataGivesThem() {
        FormFields.Form lists = FormFields.Form.of(read("""
                {"components": [{"type": "group", "components": [
                  {"key": "services", "type": "checklist", "values": [{"value": "water"}, {"value": "sewer"}]},
                  {"key": "wards", "type": "taglist", "valuesKey": "wardChoices"}
                ]}]}"""));
        FormFields.ListField services = lists.lists().get("services");
        FormFields.ListField wards = lists.lists().get("wards");

        assertThat(services).isEqualTo(new FormFields.ListField(false, Set.of("water", "sewer")));
        assertThat(wards.fromData()).isTrue();
        assertThat(lists.choices()).as("a list is not a choice of one").isEmpty();
        assertThat(FormFields.ListField.textsOf(Variables.stringValue("[\"water\"]"))).as("text, not JSON").isEmpty();
        assertThat(FormFields.ListField.textsOf(json("[\"water\", \"sewer\"]"))).hasValue(List.of("water", "sewer"));
        assertThat(FormFields.ListField.textsOf(json("[\"water\", null]"))).isEmpty();
        assertThat(FormFields.ListField.textsOf(json("{\"0\": \"water\"}"))).isEmpty();
        assertThat(FormFields.ListField.textsOf(json("not json"))).isEmpty();
        assertThat(services.broken(List.of("sewer", "water"))).isEmpty();
        assertThat(services.broken(List.of("gas"))).hasValue("may hold only water, sewer; 'gas' is none of them");
        assertThat(wards.broken(List.of("Ward 7", "वार्ड 8"))).isEmpty();
        assertThat(wards.broken(List.of("x".repeat(501)))).hasValueSatisfying(why -> assertThat(why)
                .contains("longer than 500 characters"));
        assertThat(wards.broken(java.util.stream.IntStream.range(0, 101).mapToObj(i -> "w" + i).toList()))
                .hasValue("holds more than 100 values");
    }

    /**
     * The scrutiny form shows the documents to return and the remarks once "return" is chosen, and requires them then:
     * so does the server. A field hidden by any other condition is left to the form.
     */
    @Test
    void aRequiredFieldShownOnceAnotherHoldsAValueIsRequiredWhenItDoes() throws Exception {
        FormFields.Form scrutiny = FormFields.Form.of(read(Files.readString(Path.of("forms/document-scrutiny.form"))));
        FormFields.ShownWhen returned = new FormFields.ShownWhen("scrutinyOutcome", "returned");

        assertThat(scrutiny.required()).containsExactly("scrutinyOutcome");
        assertThat(scrutiny.requiredWhen()).isEqualTo(Map.of("returnedDocuments", returned,
                "scrutinyRemarks", returned));
        assertThat(scrutiny.lists().get("returnedDocuments").fromData()).isTrue();

        FormFields.Form other = FormFields.Form.of(read("""
                {"components": [
                  {"key": "a", "type": "textfield", "validate": {"required": true},
                   "conditional": {"hide": "=b = null"}},
                  {"key": "c", "type": "textfield", "validate": {"required": true},
                   "conditional": {"hide": "=b != \\"x\\" or d"}},
                  {"key": "e", "type": "textfield", "conditional": {"hide": "=b != \\"x\\""}}
                ]}"""));
        assertThat(other.required()).isEmpty();
        assertThat(other.requiredWhen()).isEmpty();
    }

    private static SerializableValue json(String text) {
        return SpinValues.jsonValue(text).create();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
