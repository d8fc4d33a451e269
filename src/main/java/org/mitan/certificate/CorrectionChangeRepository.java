package org.mitan.certificate;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CorrectionChangeRepository extends JpaRepository<CorrectionChange, Long> {

    @Query("select c from CorrectionChange c where c.requestId = :requestId order by c.position")
    List<CorrectionChange> findByRequestIdOrderByPositionAsc(Long requestId);

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("delete from CorrectionChange c where c.requestId = :requestId")
    void deleteByRequestId(Long requestId);
}
