package org.mitan.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox. It reads only committed messages (from the table), oldest first, in small batches, and sends
 * each in its own transaction. A message the provider refuses (its number or text) is counted and retried on a later
 * run (FAILED after {@code mitan.sms.max-attempts}) without holding up the others. When the provider cannot be used
 * (down, slow, busy) the run stops there: the message waits {@code mitan.sms.retry-backoff}, doubled after each such
 * attempt up to {@code retry-backoff-max}, and the rest wait for the next run, so an outage of hours loses nothing
 * and the provider is not hammered while it lasts; a message is FAILED only once it is {@code give-up-after} old.
 * Once a message will not be sent again (SENT or FAILED), its stored text loses its secrets (the delivery OTP): see
 * {@link SmsRedaction}.
 */
@Component
class SmsDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final SmsMessageRepository outbox;
    private final SmsGateway gateway;
    private final TransactionTemplate transaction;
    private final SmsRedaction redaction;
    private final SmsProperties properties;
    private final Clock clock;

    SmsDispatcher(SmsMessageRepository outbox, SmsGateway gateway, SmsRedaction redaction,
            PlatformTransactionManager transactionManager, SmsProperties properties, Clock clock) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.redaction = redaction;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${mitan.sms.dispatch-interval}")
    void dispatch() {
        int sent = dispatchPending();
        if (sent > 0) {
            log.debug("{} SMS sent", sent);
        }
    }

    /**
     * Sends what is due now, batch after batch; a message that fails is not tried again in the same run, and the run
     * ends at the first message the provider could not take. Returns how many were sent.
     */
    int dispatchPending() {
        int batchSize = Math.max(1, properties.batchSize());
        int sent = 0;
        long afterId = 0;
        List<Long> batch;
        do {
            long cursor = afterId;
            Instant now = Instant.now(clock);
            batch = transaction.execute(status -> outbox.findDueIdsAfter(cursor, now, PageRequest.ofSize(batchSize)));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            for (Long id : batch) {
                Attempt attempt = transaction.execute(status -> sendOne(id));
                if (attempt == Attempt.SENT) {
                    sent++;
                } else if (attempt == Attempt.PROVIDER_UNAVAILABLE) {
                    return sent;
                }
                afterId = id;
            }
        } while (batch.size() == batchSize);
        return sent;
    }

    private Attempt sendOne(long id) {
        return outbox.lockPending(id).map(message -> {
            Attempt attempt;
            try {
                String reference = gateway.send(message.getPhone(), message.getBody(), message.idempotencyKey());
                message.markSent(reference, Instant.now(clock));
                attempt = Attempt.SENT;
            } catch (RuntimeException e) {
                attempt = failed(message, e);
            }
            if (message.getStatus() != SmsStatus.PENDING) {
                message.redactBody(redaction.redact(message.getTemplate(), message.getLanguage(), message.getBody()));
            }
            outbox.save(message);
            return attempt;
        }).orElse(Attempt.NOT_MINE);
    }

    private Attempt failed(SmsMessage message, RuntimeException e) {
        String error = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof SmsGatewayException gatewayError && gatewayError.refusedMessage()) {
            message.markAttemptFailed(error, properties.maxAttempts());
            log.warn("SMS {} ({}) to {} refused by the provider, attempt {} of {}: {}", message.getId(),
                    message.getTemplate(), PhoneNumbers.mask(message.getPhone()), message.getAttempts(),
                    properties.maxAttempts(), message.getLastError());
            return Attempt.REFUSED;
        }
        Instant now = Instant.now(clock);
        message.markProviderUnavailable(error, now.plus(backoffAfter(message.getAttempts() + 1)),
                message.getCreatedAt().plus(properties.giveUpAfter()));
        log.warn("SMS {} ({}) to {} not sent, the provider cannot be used now (attempt {}; {}): {}", message.getId(),
                message.getTemplate(), PhoneNumbers.mask(message.getPhone()), message.getAttempts(),
                message.getStatus() == SmsStatus.FAILED ? "given up, older than " + properties.giveUpAfter()
                        : "next at " + message.getNextAttemptAt(),
                message.getLastError());
        return Attempt.PROVIDER_UNAVAILABLE;
    }

    /** The wait after the n-th attempt: the backoff doubled for each attempt before it, up to the longest. */
    Duration backoffAfter(int attempt) {
        Duration wait = properties.retryBackoff();
        for (int i = 1; i < attempt && wait.compareTo(properties.retryBackoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryBackoffMax()) < 0 ? wait : properties.retryBackoffMax();
    }

    private enum Attempt {
        SENT,
        REFUSED,
        PROVIDER_UNAVAILABLE,
        NOT_MINE
    }
}
