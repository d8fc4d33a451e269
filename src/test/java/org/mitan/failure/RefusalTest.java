package org.mitan.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A refusal built without an excerpt of what was sent still neither grows with it nor carries it raw. */
class RefusalTest {

    @Test
    void aDetailIsBoundedAndShowsControlCharactersByTheirCode() {
        Refusal refusal = Refusal.notFound("No such thing: '" + "x\u202E\n".repeat(2_000_000) + "'.");

        assertThat(refusal.getMessage()).hasSizeLessThanOrEqualTo(Refusal.MAX_DETAIL_CHARS).endsWith("…")
                .doesNotContain("\n", "\u202E").contains("x[U+202E][U+000A]x");
    }

    @Test
    void fieldErrorsAreBoundedAndShowControlCharactersByTheirCodeAsIsTheFieldsName() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("wards", "must be ward numbers, not '" + "1\u0000".repeat(1_000_000) + "'");
        errors.put("a".repeat(500) + "\u0007", "is unknown");

        Refusal refusal = Refusal.invalid(errors);

        @SuppressWarnings("unchecked")
        Map<String, String> shown = (Map<String, String>) refusal.getProperties().get("fieldErrors");
        assertThat(shown.get("wards")).hasSizeLessThanOrEqualTo(Refusal.MAX_FIELD_ERROR_CHARS).doesNotContain("\u0000")
                .startsWith("must be ward numbers, not '1[U+0000]1[U+0000]");
        assertThat(shown.keySet()).last().asString().hasSize(80).doesNotContain("\u0007").endsWith("a…");
        assertThat(refusal.getMessage()).startsWith("Please correct: wards must be ward numbers")
                .doesNotContain("\u0000", "\u0007").hasSizeLessThanOrEqualTo(Refusal.MAX_DETAIL_CHARS);
    }
}
