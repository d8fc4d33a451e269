package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
