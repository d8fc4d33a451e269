package org.mitan.sms;

import java.time.Clock;
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
 * each in its own transaction: a message the provider refuses is counted and retried on a later run
 * (FAILED after {@code mitan.sms.max-attempts}) without holding up the others. Once a message will not be sent
 * again (SENT or FAILED), its stored text loses its secrets (the delivery OTP): see {@link SmsRedaction}.
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
     * Sends what is pending now, batch after batch; a message that fails is not tried again in the same run.
     * Returns how many were sent.
     */
    int dispatchPending() {
        int batchSize = Math.max(1, properties.batchSize());
        int sent = 0;
        long afterId = 0;
        List<Long> batch;
        do {
            long cursor = afterId;
            batch = transaction.execute(status -> outbox.findPendingIdsAfter(cursor, PageRequest.ofSize(batchSize)));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            for (Long id : batch) {
                if (Boolean.TRUE.equals(transaction.execute(status -> sendOne(id)))) {
                    sent++;
                }
                afterId = id;
            }
        } while (batch.size() == batchSize);
        return sent;
    }

    private boolean sendOne(long id) {
        return outbox.lockPending(id).map(message -> {
            try {
                String reference = gateway.send(message.getPhone(), message.getBody());
                message.markSent(reference, Instant.now(clock));
            } catch (RuntimeException e) {
                message.markAttemptFailed(e.getMessage() == null ? e.toString() : e.getMessage(),
                        properties.maxAttempts());
                log.warn("SMS {} ({}) to {} not sent, attempt {} of {}: {}", message.getId(), message.getTemplate(),
                        PhoneNumbers.mask(message.getPhone()), message.getAttempts(), properties.maxAttempts(),
                        message.getLastError());
            }
            if (message.getStatus() != SmsStatus.PENDING) {
                message.redactBody(redaction.redact(message.getTemplate(), message.getLanguage(), message.getBody()));
            }
            outbox.save(message);
            return message.getStatus() == SmsStatus.SENT;
        }).orElse(false);
    }
}
