package org.mitan.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SmsMessageRepository extends JpaRepository<SmsMessage, Long> {

    List<SmsMessage> findByRequestIdOrderByIdAsc(Long requestId);

    List<SmsMessage> findTop100ByStatusOrderByIdAsc(SmsStatus status);
}
