package org.mitan.payment;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

    @Query("select p from Payment p where p.requestId = :requestId and p.feeCode = :feeCode")
    Optional<Payment> findByRequestIdAndFeeCode(Long requestId, String feeCode);

    /** The payment a gateway's callback names, locked until the callback's transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.gateway = :gateway and p.gatewayReference = :gatewayReference")
    Optional<Payment> findByGatewayAndGatewayReference(String gateway, String gatewayReference);

    @Query("select p from Payment p where p.requestId = :requestId order by p.id")
    List<Payment> findByRequestIdOrderByIdAsc(Long requestId);
}
