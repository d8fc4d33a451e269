package org.mitan.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RequestMilestoneRepository extends JpaRepository<RequestMilestone, Long> {

    List<RequestMilestone> findByRequestIdOrderByOccurredAtAscIdAsc(Long requestId);
}
