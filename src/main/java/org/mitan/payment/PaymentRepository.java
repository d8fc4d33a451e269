package org.mitan.payment;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    Optional<Payment> findByRequestIdAndFeeCode(Long requestId, String feeCode);

    /** The payment a gateway's callback names, locked until the callback's transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Payment> findByGatewayAndGatewayReference(String gateway, String gatewayReference);

    List<Payment> findByRequestIdOrderByIdAsc(Long requestId);
}
