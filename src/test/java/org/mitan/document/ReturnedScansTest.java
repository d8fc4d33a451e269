package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mitan.document.ReturnedScans.State;

class ReturnedScansTest {

    static final Instant T0 = Instant.parse("2026-12-01T05:00:00Z");
    static final List<DocumentRequirement> LINES = RequiredDocuments.requirements(DocumentChecklistWriterTest.ROWS);

    final List<Document> scans = new ArrayList<>();
    final List<DocumentReturn> returns = new ArrayList<>();

    @Test
    void withoutAReturnEveryScanIsAsItWasAndCounts() {
        Document report = scan("birth-report", 0);

        ReturnedScans returned = ReturnedScans.of(returns, scans);

        assertThat(returned.stateOf(report)).isEqualTo(State.CURRENT);
        assertThat(returned.lastReturn()).isEmpty();
        assertThat(returned.collected(Set.of("birth-report"))).containsExactly("birth-report");
        assertThat(returned.returnedRequirements(LINES, Set.of("birth-report"))).isEmpty();
    }

    @Test
    void aReturnedTypeDoesNotCountUntilANewScanOfItIsUploadedAfterTheReturn() {
        Document firstId = scan("parent-id", 0);
        Document report = scan("birth-report", 1);
        returnAt(2, "parent-id");

        ReturnedScans before = ReturnedScans.of(returns, scans);
        assertThat(before.awaitingNewScan("parent-id")).isTrue();
        assertThat(before.collected(Set.of("parent-id", "birth-report"))).containsExactly("birth-report");
        assertThat(before.returnedRequirements(LINES, Set.of("parent-id", "birth-report")))
                .extracting(DocumentRequirement::label).containsExactly("Parent's ID proof");
        assertThat(before.stateOf(firstId)).isEqualTo(State.RETURNED);
        assertThat(before.stateOf(report)).as("not returned").isEqualTo(State.CURRENT);

        Document secondId = scan("parent-id", 3);
        ReturnedScans after = ReturnedScans.of(returns, scans);
        assertThat(after.awaitingNewScan("parent-id")).isFalse();
        assertThat(after.collected(Set.of("parent-id", "birth-report"))).contains("parent-id", "birth-report");
        assertThat(after.returnedRequirements(LINES, Set.of("parent-id", "birth-report"))).isEmpty();
        assertThat(after.stateOf(firstId)).isEqualTo(State.REPLACED);
        assertThat(after.stateOf(secondId)).isEqualTo(State.NEW);
        assertThat(after.stateOf(report)).isEqualTo(State.CURRENT);
        assertThat(after.lastReturn()).contains(T0.plus(Duration.ofHours(2)));
    }

    @Test
    void aOneOfLineIsMetByAnotherAlternativeTakenInstead() {
        Document voterId = scan("voter-id", 0);
        returnAt(1, "voter-id");
        Document rationCard = scan("ration-card", 2);

        ReturnedScans returned = ReturnedScans.of(returns, scans);

        assertThat(returned.returnedRequirements(LINES, Set.of("voter-id", "ration-card"))).isEmpty();
        assertThat(returned.awaitingNewScan("voter-id")).isTrue();
        assertThat(returned.stateOf(voterId)).as("returned, and not replaced by a scan of its own type")
                .isEqualTo(State.RETURNED);
        assertThat(returned.stateOf(rationCard)).isEqualTo(State.NEW);
    }

    @Test
    void eachTypeWaitsForAScanAfterTheLatestReturnThatNamedIt() {
        scan("parent-id", 0);
        scan("birth-report", 0);
        returnAt(1, "parent-id");
        Document secondId = scan("parent-id", 2);
        returnAt(3, "birth-report", "parent-id");

        ReturnedScans returned = ReturnedScans.of(returns, scans);

        assertThat(returned.awaitingNewScan("parent-id")).as("returned again after its new scan").isTrue();
        assertThat(returned.awaitingNewScan("birth-report")).isTrue();
        assertThat(returned.stateOf(secondId)).isEqualTo(State.RETURNED);
        assertThat(returned.lastReturn()).contains(T0.plus(Duration.ofHours(3)));
    }

    private Document scan(String type, int hours) {
        Document document = new Document(UUID.randomUUID(), 7L, type, "documents/x/" + scans.size(),
                "0".repeat(64), 10, "image/jpeg", "mitan.raipur", T0.plus(Duration.ofHours(hours)));
        scans.add(document);
        return document;
    }

    private void returnAt(int hours, String... types) {
        returns.add(new DocumentReturn(7L, List.of(types), "clerk.raipur", T0.plus(Duration.ofHours(hours))));
    }
}
