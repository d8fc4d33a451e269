package org.mitan.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RequestMilestoneRepository extends JpaRepository<RequestMilestone, Long> {

    @Query("select m from RequestMilestone m where m.requestId = :requestId order by m.occurredAt, m.id")
    List<RequestMilestone> findByRequestIdOrderByOccurredAtAscIdAsc(Long requestId);
}
