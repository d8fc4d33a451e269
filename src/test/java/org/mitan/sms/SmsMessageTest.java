package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SmsMessageTest {

    @Test
    void aLongProviderErrorIsKeptWholeCharactersOnly() {
        SmsMessage message = new SmsMessage(1L, "9876543210", "SUBMITTED", "hi", "मितान: ...", Instant.EPOCH);

        message.markAttemptFailed("e".repeat(SmsMessage.MAX_ERROR_LENGTH - 2) + "\uD83D\uDE00 more", 3);

        assertThat(message.getLastError()).isEqualTo("e".repeat(SmsMessage.MAX_ERROR_LENGTH - 2) + "…");
        assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(message.getLastError())).isTrue();
    }
}
