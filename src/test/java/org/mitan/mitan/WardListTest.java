package org.mitan.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mitan.municipality.BodyKind;
import org.mitan.municipality.UrbanBody;

class WardListTest {

    private final UrbanBody korba = new UrbanBody("KRB", "Korba", "कोरबा", "Korba", BodyKind.MUNICIPAL_CORPORATION,
            67);
    private final Map<String, String> errors = new LinkedHashMap<>();

    @Test
    void numbersAndRangesBecomeWardNumbers() {
        assertThat(WardList.read(List.of("9", "1-3", " 5 – 6 ", "3"), korba, "wards", errors))
                .containsExactly(1, 2, 3, 5, 6, 9);
        assertThat(errors).isEmpty();
    }

    @Test
    void theWholeBodyMayBeOneRange() {
        assertThat(WardList.read(List.of("1-67"), korba, "wards", errors)).hasSize(67);
    }

    @Test
    void leftOutIsNoError() {
        assertThat(WardList.read(null, korba, "wards", errors)).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void anEmptyListIsRefused() {
        assertThat(WardList.read(List.of(), korba, "wards", errors)).isNull();
        assertThat(errors.get("wards")).startsWith("must name at least one ward");
    }

    @Test
    void unreadableEntriesAndWardsOutsideTheBodyAreNamed() {
        assertThat(WardList.read(Arrays.asList("4", "all", "9-2", null, "0", "60-68"), korba, "wards", errors))
                .isNull();
        assertThat(errors.get("wards"))
                .contains("not 'all', '9-2', ''")
                .contains("must be within wards 1 to 67 of Korba (KRB), not 0, 60-68");
    }

    /** A ward list of a million odd entries, or one of twenty million characters, is named by a short excerpt. */
    @Test
    void aHugeOrHostileEntryIsQuotedByAShortExcerptAndAHugeListByItsFirstFew() {
        String huge = "7".repeat(20_000_000) + "x";
        List<String> many = new java.util.ArrayList<>(Collections.nCopies(1_000_000, "no\u0000\u202Ewards"));
        many.add(0, huge);

        assertThat(WardList.read(many, korba, "wards", errors)).isNull();

        String refusal = errors.get("wards");
        assertThat(refusal).hasSizeLessThan(400).doesNotContain("\u0000", "\u202E")
                .contains("not '" + "7".repeat(79) + "…', 'no[U+0000][U+202E]wards', ")
                .endsWith(" and 999998 more");
        assertThat(WardList.read(List.of("0", "9999", "100-5000", "68"), korba, "wards", errors)).isNull();
        assertThat(errors.get("wards")).endsWith("not 0, 9999, 100-5000 and 1 more");
    }

    @Test
    void withoutABodyOnlyWardsBelowOneAreOutside() {
        assertThat(WardList.read(List.of("150"), null, "wards", errors)).containsExactly(150);
        assertThat(WardList.read(List.of("0"), null, "wards", errors)).isNull();
        assertThat(errors.get("wards")).isEqualTo("must be ward numbers from 1, not 0");
    }
}
