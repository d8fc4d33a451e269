package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mitan.MovingClock;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class CheckedLoginsTest {

    private static final List<GrantedAuthority> CLERK = List.of(new SimpleGrantedAuthority("GROUP_clerk-RPR"));

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T05:00:00Z"));
    private final CheckedLogins logins = new CheckedLogins(Duration.ofSeconds(30), clock);

    @Test
    void aLoginIsTakenAsCheckedWithItsGroupsUntilItsTimeIsUp() {
        logins.remember("clerk.raipur", "demo", CLERK, logins.generation());

        clock.advance(Duration.ofSeconds(29));
        assertThat(logins.authoritiesOf("clerk.raipur", "demo")).isEqualTo(CLERK);

        clock.advance(Duration.ofSeconds(1));
        assertThat(logins.authoritiesOf("clerk.raipur", "demo")).isNull();
    }

    @Test
    void anotherPasswordOrAnotherUserIsNotTakenAsChecked() {
        logins.remember("clerk.raipur", "demo", CLERK, logins.generation());

        assertThat(logins.authoritiesOf("clerk.raipur", "Demo")).isNull();
        assertThat(logins.authoritiesOf("clerk.raipur", "")).isNull();
        assertThat(logins.authoritiesOf("clerk.bilaspur", "demo")).isNull();
        // the user name and the password are not run together: "a" + "bc" is not "ab" + "c"
        logins.remember("a", "bc", CLERK, logins.generation());
        assertThat(logins.authoritiesOf("ab", "c")).isNull();
    }

    @Test
    void aChangeOfUsersOrGroupsForgetsEveryLogin() {
        logins.remember("clerk.raipur", "demo", CLERK, logins.generation());
        logins.remember("mitan.raipur", "demo", List.of(), logins.generation());

        logins.forgetAll();

        assertThat(logins.authoritiesOf("clerk.raipur", "demo")).isNull();
        assertThat(logins.authoritiesOf("mitan.raipur", "demo")).isNull();
        assertThat(logins.size()).isZero();
    }

    @Test
    void aLoginCheckedBeforeAChangeIsNotKeptAfterIt() {
        long before = logins.generation();
        logins.forgetAll();   // a membership removed while the password was being checked

        logins.remember("clerk.raipur", "demo", CLERK, before);

        assertThat(logins.authoritiesOf("clerk.raipur", "demo")).isNull();
    }

    @Test
    void aTimeToLiveOfZeroKeepsNothing() {
        CheckedLogins none = new CheckedLogins(Duration.ZERO, clock);

        none.remember("clerk.raipur", "demo", CLERK, none.generation());

        assertThat(none.authoritiesOf("clerk.raipur", "demo")).isNull();
        assertThat(none.size()).isZero();
        assertThatThrownBy(() -> new CheckedLogins(Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverKeepsMoreThanItsBoundAndDropsWhatHasExpiredFirst() {
        for (int i = 0; i < CheckedLogins.MAX_LOGINS; i++) {
            logins.remember("old" + i, "demo", CLERK, logins.generation());
        }
        clock.advance(Duration.ofSeconds(31));

        logins.remember("clerk.raipur", "demo", CLERK, logins.generation());

        assertThat(logins.size()).isEqualTo(1);
        assertThat(logins.authoritiesOf("clerk.raipur", "demo")).isEqualTo(CLERK);

        for (int i = 0; i < 2 * CheckedLogins.MAX_LOGINS; i++) {
            logins.remember("new" + i, "demo", CLERK, logins.generation());
        }
        assertThat(logins.size()).isLessThanOrEqualTo(CheckedLogins.MAX_LOGINS);
    }
}
