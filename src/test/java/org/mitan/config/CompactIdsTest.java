package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CompactIdsTest {

    private static final long DEC_2026 = 1_796_428_800_000L;

    @Test
    void anIdIsEighteenLowerCaseLettersAndDigits() {
        String id = new CompactIds().getNextId();

        assertThat(id).hasSize(CompactIds.LENGTH).matches("[0-9a-z]{18}");
    }

    @Test
    void idsSortInTheOrderTheyWereGivenAlsoWithinOneMillisecondAndWhenTheClockGoesBack() {
        AtomicLong now = new AtomicLong(DEC_2026);
        CompactIds ids = new CompactIds(now::get, 12345);
        List<String> given = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {   // more than the 46,656 a millisecond holds
            given.add(ids.getNextId());
        }
        now.addAndGet(-60_000);   // the clock set back a minute
        given.add(ids.getNextId());
        now.set(DEC_2026 + 1_000);
        given.add(ids.getNextId());

        assertThat(given).isSorted().doesNotHaveDuplicates();
        assertThat(given.get(0)).isLessThan(new CompactIds(() -> DEC_2026 + 1, 0).getNextId());
    }

    @Test
    void twoNodesInTheSameMillisecondGiveDifferentIds() {
        CompactIds one = new CompactIds(() -> DEC_2026, 1);
        CompactIds other = new CompactIds(() -> DEC_2026, 2);

        assertThat(one.getNextId()).isNotEqualTo(other.getNextId()).endsWith("000001");
    }

    @Test
    void threadsTakingIdsAtOnceNeverShareOne() throws Exception {
        CompactIds ids = new CompactIds();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> each = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                each.add(threads.submit(() -> {
                    Set<String> mine = new HashSet<>();
                    for (int i = 0; i < 20_000; i++) {
                        mine.add(ids.getNextId());
                    }
                    seen.addAll(mine);
                    return mine.size();
                }));
            }
            for (Future<Integer> one : each) {
                assertThat(one.get()).isEqualTo(20_000);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(seen).hasSize(8 * 20_000);
    }
}
