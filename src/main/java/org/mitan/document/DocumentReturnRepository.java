package org.mitan.document;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DocumentReturnRepository extends JpaRepository<DocumentReturn, Long> {

    @Query("select r from DocumentReturn r where r.requestId = :requestId order by r.returnedAt, r.id")
    List<DocumentReturn> findByRequestIdOrderByReturnedAtAsc(Long requestId);
}
