package org.mitan.mitan;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MitanRepository extends JpaRepository<Mitan, Long> {

    Optional<Mitan> findByUserId(String userId);

    List<Mitan> findByBodyCodeAndActiveTrue(String bodyCode);

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
