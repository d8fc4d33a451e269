package org.mitan.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DeliveryRepository extends JpaRepository<Delivery, Long> {

    @Query("select d from Delivery d where d.requestId = :requestId")
    Optional<Delivery> findByRequestId(Long requestId);

    /** The delivery, locked until the transaction ends: two OTP requests for it at once are taken one by one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from Delivery d where d.requestId = :requestId")
    Optional<Delivery> lockByRequestId(Long requestId);

    /** When the request's SMS of that template were queued since {@code since}, oldest first. */
    @Query("""
            select m.createdAt from SmsMessage m
            where m.requestId = :requestId and m.template = :template and m.createdAt > :since
            order by m.createdAt""")
    List<Instant> sentToRequestSince(Long requestId, String template, Instant since);

    /** When SMS of that template were queued since {@code since} for the deliveries of one Mitan, oldest first. */
    @Query("""
            select m.createdAt from SmsMessage m, Delivery d
            where d.requestId = m.requestId and d.mitanUserId = :mitanUserId and m.template = :template
              and m.createdAt > :since
            order by m.createdAt""")
    List<Instant> sentForMitanSince(String mitanUserId, String template, Instant since);
}
