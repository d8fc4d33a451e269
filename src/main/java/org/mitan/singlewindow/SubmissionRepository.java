package org.mitan.singlewindow;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SubmissionRepository extends JpaRepository<Submission, Long> {

    @Query("select s from Submission s where s.requestId = :requestId")
    Optional<Submission> findByRequestId(Long requestId);
}
