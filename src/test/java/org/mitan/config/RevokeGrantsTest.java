package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RevokeGrantsTest {

    private final AtomicLong now = new AtomicLong();
    private final RevokeGrants revokes = new RevokeGrants(Duration.ofSeconds(2), now::get);
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void whatWasFoundIsAnsweredForTheRecheckTimeThenAskedAgain() {
        assertThat(revokes.anyExist(() -> table(false))).isFalse();
        now.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThat(revokes.anyExist(() -> table(true))).isFalse();
        assertThat(asked).hasValue(1);

        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(revokes.anyExist(() -> table(true))).isTrue();
        assertThat(revokes.anyExist(() -> table(false))).isTrue();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aRevokeSavedThroughThisNodeIsAskedForAtOnce() {
        assertThat(revokes.anyExist(() -> table(false))).isFalse();

        revokes.forget();

        assertThat(revokes.anyExist(() -> table(true))).isTrue();
        assertThat(asked).hasValue(2);
    }

    @Test
    void whatWasFoundWhileARevokeWasSavedIsNotKept() {
        assertThat(revokes.anyExist(() -> {
            revokes.forget();
            return table(false);
        })).isFalse();

        assertThat(revokes.anyExist(() -> table(true))).isTrue();
        assertThat(asked).hasValue(2);
    }

    private boolean table(boolean anyRevoke) {
        asked.incrementAndGet();
        return anyRevoke;
    }
}
