package org.mitan.mitan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MitanRepository extends JpaRepository<Mitan, Long> {

    @Query("select m from Mitan m where m.userId = :userId")
    Optional<Mitan> findByUserId(String userId);

    @Query("select m from Mitan m where m.bodyCode = :bodyCode and m.active = true")
    List<Mitan> findByBodyCodeAndActiveTrue(String bodyCode);

    @Query("select m from Mitan m where m.bodyCode = :bodyCode order by m.userId")
    List<Mitan> findByBodyCodeOrderByUserId(String bodyCode);

    /** Open requests currently held by a Mitan: the load that assignment balances. */
    @Query("""
            select count(r) from ServiceRequest r
            where r.mitanId = :mitanId
              and r.status not in (org.mitan.request.RequestStatus.DELIVERED,
                                   org.mitan.request.RequestStatus.REJECTED,
                                   org.mitan.request.RequestStatus.CLOSED)""")
    long countOpenRequests(Long mitanId);
}
