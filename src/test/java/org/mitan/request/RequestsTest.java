package org.mitan.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.mitan.intake.Fixtures;
import org.mockito.ArgumentCaptor;

class RequestsTest {

    private final RequestMilestoneRepository milestones = mock(RequestMilestoneRepository.class);
    private final Requests requests = new Requests(mock(ServiceRequestRepository.class), milestones,
            Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

    @Test
    void aDetailTooLongForItsColumnIsShortenedBetweenCharactersAsPeopleSeeThem() {
        // a reason typed in Hindi: 998 characters, then the syllable प्रि across the column's limit
        String detail = "क".repeat(Requests.MAX_DETAIL_LENGTH - 2) + "प्रिया \uD83D\uDE00";

        requests.record(Fixtures.request(3, "RPR-2026-000003"), "REJECTED", "registrar1", detail);

        ArgumentCaptor<RequestMilestone> saved = ArgumentCaptor.forClass(RequestMilestone.class);
        verify(milestones).save(saved.capture());
        assertThat(saved.getValue().getDetail()).isEqualTo("क".repeat(Requests.MAX_DETAIL_LENGTH - 2) + "…")
                .hasSizeLessThanOrEqualTo(Requests.MAX_DETAIL_LENGTH);
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(saved.getValue().getDetail())).isTrue();
    }

    @Test
    void aShortDetailIsKeptAsItIs() {
        requests.record(Fixtures.request(3, "RPR-2026-000003"), "VISIT_MISSED", "mitan1", "घर पर कोई नहीं था");

        ArgumentCaptor<RequestMilestone> saved = ArgumentCaptor.forClass(RequestMilestone.class);
        verify(milestones).save(saved.capture());
        assertThat(saved.getValue().getDetail()).isEqualTo("घर पर कोई नहीं था");
    }
}
