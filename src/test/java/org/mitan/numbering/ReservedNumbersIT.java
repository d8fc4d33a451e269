package org.mitan.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

@MitanIntegrationTest
class ReservedNumbersIT {

    @Autowired
    ReservedNumbers numbers;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHolderKeepsItsNumberAndTheNextHolderTakesTheNextOne() {
        String scope = "certificate:TST:reserved-" + System.nanoTime() + ":2026";

        long first = numbers.reserve(scope, "TST-2026-000001");
        long again = numbers.reserve(scope, "TST-2026-000001");
        long second = numbers.reserve(scope, "TST-2026-000002");

        assertThat(first).isEqualTo(1);
        assertThat(again).isEqualTo(first);
        assertThat(second).isEqualTo(2);
    }

    @Test
    void aCallerThatRollsBackTakesTheSameNumberWhenItTriesAgain() {
        String scope = "certificate:TST:retried-" + System.nanoTime() + ":2026";

        long tried = transaction.execute(status -> {
            long number = numbers.reserve(scope, "TST-2026-000003");
            status.setRollbackOnly();
            return number;
        });

        assertThat(numbers.reserve(scope, "TST-2026-000003")).isEqualTo(tried);
        assertThat(numbers.reserve(scope, "TST-2026-000004")).isEqualTo(tried + 1);
        assertThat(jdbc.queryForObject("select count(*) from number_reservation where scope = ?", Long.class, scope))
                .isEqualTo(2);
    }

    /** Two issuing jobs of one scope: the second does not wait for the first one's transaction to end. */
    @Test
    void aCallerStillInItsTransactionDoesNotHoldUpTheNextOne() throws Exception {
        String scope = "certificate:TST:side-by-side-" + System.nanoTime() + ":2026";
        CountDownLatch reserved = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            long number = numbers.reserve(scope, "TST-2026-000005");
            reserved.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return number;
        }));
        assertThat(reserved.await(30, TimeUnit.SECONDS)).isTrue();

        long second = CompletableFuture.supplyAsync(() -> transaction.execute(
                status -> numbers.reserve(scope, "TST-2026-000006"))).get(5, TimeUnit.SECONDS);
        done.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second).isEqualTo(2);
    }
}
