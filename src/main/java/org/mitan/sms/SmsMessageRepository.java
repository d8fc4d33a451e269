package org.mitan.sms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface SmsMessageRepository extends JpaRepository<SmsMessage, Long> {

    @Query("select m from SmsMessage m where m.requestId = :requestId order by m.id")
    List<SmsMessage> findByRequestIdOrderByIdAsc(Long requestId);

    List<SmsMessage> findTop100ByStatusOrderByIdAsc(SmsStatus status);

    boolean existsByRequestIdAndTemplate(Long requestId, String template);

    /**
     * Ids of committed messages still waiting to be sent and due by {@code now} (not waiting out a provider's
     * outage), oldest first, after {@code afterId}.
     */
    @Query("""
            select m.id from SmsMessage m
            where m.status = org.mitan.sms.SmsStatus.PENDING and m.id > :afterId
              and (m.nextAttemptAt is null or m.nextAttemptAt <= :now)
            order by m.id""")
    List<Long> findDueIdsAfter(long afterId, Instant now, Pageable page);

    /**
     * The message, locked, if it is still pending and no other dispatcher holds it ({@code SKIP LOCKED}): two
     * application instances never send the same message at once.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select m from SmsMessage m where m.id = :id and m.status = org.mitan.sms.SmsStatus.PENDING")
    Optional<SmsMessage> lockPending(long id);
}
