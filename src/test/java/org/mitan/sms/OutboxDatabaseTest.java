package org.mitan.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The dispatcher on the real table: committed messages only, one sender per message, counted failures. */
@OutboxTestDatabase
class OutboxDatabaseTest {

    private static final SmsTexts TEXTS = new SmsTexts();

    @Autowired
    private SmsMessageRepository outbox;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcTemplate jdbc;

    private final List<String> sentBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();

    @AfterEach
    void emptyTheOutbox() {
        jdbc.update("delete from sms_message");
    }

    private final AtomicInteger outages = new AtomicInteger();
    private final List<String> keys = new CopyOnWriteArrayList<>();

    private SmsDispatcher dispatcher(int maxAttempts, int batchSize) {
        return dispatcher(maxAttempts, batchSize, Clock.systemUTC());
    }

    private SmsDispatcher dispatcher(int maxAttempts, int batchSize, Clock clock) {
        SmsGateway gateway = (phone, body, key) -> {
            keys.add(key);
            if (outages.get() > 0) {
                outages.decrementAndGet();
                throw new SmsGatewayException("provider answered 503");
            }
            if (body.startsWith("refuse")) {
                refusals.incrementAndGet();
                throw SmsGatewayException.refused("provider refused the message with 422");
            }
            sentBodies.add(body);
            return "ref-" + sentBodies.size();
        };
        return new SmsDispatcher(outbox, gateway, new SmsRedaction(TEXTS), transactionManager,
                new SmsProperties(SmsProperties.Mode.LOG, null, null, "MITAN", maxAttempts, batchSize,
                        Duration.ofSeconds(1), Duration.ofSeconds(1), "hi", Duration.ofSeconds(30),
                        Duration.ofMinutes(15), Duration.ofHours(24)),
                clock);
    }

    private SmsMessage queued(String body) {
        return outbox.save(new SmsMessage(null, "9876543210", "SUBMITTED", "en", body, Instant.now()));
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }

    @Test
    void sendsOnlyCommittedMessagesAndRecordsTheReference() {
        SmsDispatcher dispatcher = dispatcher(5, 20);

        Integer sentWhileOpen = transaction().execute(status -> {
            queued("not committed yet");
            return dispatcher.dispatchPending();
        });
        assertThat(sentWhileOpen).isZero();
        assertThat(sentBodies).isEmpty();

        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
        SmsMessage sent = outbox.findAll().get(0);
        assertThat(sent.getStatus()).isEqualTo(SmsStatus.SENT);
        assertThat(sent.getProviderReference()).isEqualTo("ref-1");
        assertThat(sent.getSentAt()).isNotNull();
        assertThat(dispatcher.dispatchPending()).isZero();
        assertThat(sentBodies).containsExactly("not committed yet");
    }

    @Test
    void theTableKeepsASentOtpTextWithoutTheOtp() {
        String body = TEXTS.render("DELIVERY_OTP", "en", Map.of("otp", "581204",
                "requestNumber", "RPR-2026-000581", "mitanName", "Sunita Verma"));
        outbox.save(new SmsMessage(null, "9876543210", "DELIVERY_OTP", "en", body, Instant.now()));

        assertThat(dispatcher(5, 20).dispatchPending()).isEqualTo(1);

        assertThat(sentBodies).containsExactly(body);
        assertThat(jdbc.queryForObject("select body from sms_message", String.class))
                .isEqualTo(body.replace("581204", "******")).contains("RPR-2026-000581");
    }

    @Test
    void aMessageLockedByAnotherDispatcherIsSkippedNotWaitedFor() {
        SmsMessage message = queued("held elsewhere");
        SmsDispatcher dispatcher = dispatcher(5, 20);

        Integer sentMeanwhile = transaction().execute(status -> {
            assertThat(outbox.lockPending(message.getId())).isPresent();
            return dispatcher.dispatchPending();
        });

        assertThat(sentMeanwhile).isZero();
        assertThat(dispatcher.dispatchPending()).isEqualTo(1);
    }

    @Test
    void refusalsAreCountedUntilTheMessageFailsAndTheOthersGoOut() {
        SmsMessage refused = queued("refuse me");
        queued("first");
        queued("second");
        queued("third");
        SmsDispatcher dispatcher = dispatcher(2, 2);

        assertThat(dispatcher.dispatchPending()).isEqualTo(3);
        assertThat(outbox.findById(refused.getId())).get()
                .satisfies(m -> assertThat(m.getAttempts()).isEqualTo(1))
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(SmsStatus.PENDING))
                .satisfies(m -> assertThat(m.getLastError()).isEqualTo("provider refused the message with 422"));

        dispatcher.dispatchPending();

        assertThat(outbox.findById(refused.getId())).get()
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(SmsStatus.FAILED))
                .satisfies(m -> assertThat(m.getAttempts()).isEqualTo(2));
        assertThat(refusals).hasValue(2);
        assertThat(sentBodies).containsExactly("first", "second", "third");
        assertThat(dispatcher.dispatchPending()).isZero();
        assertThat(refusals).hasValue(2);
    }

    @Test
    void pendingIdsComeOldestFirstAfterTheCursor() {
        long first = queued("a").getId();
        long second = queued("b").getId();
        long third = queued("c").getId();

        Instant now = Instant.now();
        assertThat(outbox.findDueIdsAfter(0, now, Pageable.ofSize(2))).containsExactly(first, second);
        assertThat(outbox.findDueIdsAfter(second, now, Pageable.ofSize(2))).containsExactly(third);
        assertThat(outbox.existsByRequestIdAndTemplate(null, "SUBMITTED")).isTrue();
        assertThat(outbox.existsByRequestIdAndTemplate(null, "DELIVERY_OTP")).isFalse();
    }

    @Test
    void aProviderOutageHoldsTheOutboxUntilItIsOverAndThenSendsEveryMessageOnce() {
        SmsMessage first = queued("first");
        queued("second");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        outages.set(3);

        // down: the first message waits, the second is not tried while the provider is down
        assertThat(dispatcher(5, 20, Clock.fixed(start, ZoneOffset.UTC)).dispatchPending()).isZero();
        assertThat(outbox.findById(first.getId())).get()
                .satisfies(m -> assertThat(m.getNextAttemptAt()).isEqualTo(start.plusSeconds(30)))
                .satisfies(m -> assertThat(m.getStatus()).isEqualTo(SmsStatus.PENDING));
        // not due yet: nothing is sent before the wait is over; the second message is due and meets the outage
        assertThat(dispatcher(5, 20, Clock.fixed(start.plusSeconds(29), ZoneOffset.UTC)).dispatchPending()).isZero();
        assertThat(keys).containsExactly("mitan-sms-" + first.getId(), "mitan-sms-" + (first.getId() + 1));
        // still down a minute later, then back
        dispatcher(5, 20, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC)).dispatchPending();
        assertThat(outages).hasValue(0);
        assertThat(dispatcher(5, 20, Clock.fixed(start.plus(Duration.ofMinutes(10)), ZoneOffset.UTC))
                .dispatchPending()).isEqualTo(2);

        assertThat(sentBodies).containsExactly("first", "second");
        assertThat(outbox.findAll()).allSatisfy(m -> assertThat(m.getStatus()).isEqualTo(SmsStatus.SENT))
                .allSatisfy(m -> assertThat(m.getNextAttemptAt()).isNull());
        assertThat(dispatcher(5, 20).dispatchPending()).isZero();
    }
}
