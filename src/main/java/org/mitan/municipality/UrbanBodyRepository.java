package org.mitan.municipality;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface UrbanBodyRepository extends JpaRepository<UrbanBody, String> {

    @Query("select b from UrbanBody b where b.active = true order by b.code")
    List<UrbanBody> findByActiveTrueOrderByCode();

    /**
     * Reads and locks the body: its ward count and its Mitans' wards change one at a time, so a ward count is
     * never cut below a ward that a Mitan is being given at the same moment.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from UrbanBody b where b.code = :code")
    Optional<UrbanBody> lockByCode(String code);

    /** Mitans of the body (active or not) who serve a ward above {@code wards}, with the highest such ward. */
    @Query("""
            select m.userId as holder, max(w) as ward from Mitan m join m.wards w
            where m.bodyCode = :code and w > :wards
            group by m.userId
            order by m.userId""")
    List<WardHolder> mitansServingWardsAbove(String code, int wards);

    /** Open requests of the body in a ward above {@code wards}. */
    @Query("""
            select r.requestNumber as holder, r.ward as ward from ServiceRequest r
            where r.bodyCode = :code and r.ward > :wards
              and r.status not in (org.mitan.request.RequestStatus.DELIVERED,
                                   org.mitan.request.RequestStatus.REJECTED,
                                   org.mitan.request.RequestStatus.CLOSED)
            order by r.requestNumber""")
    List<WardHolder> openRequestsInWardsAbove(String code, int wards);

    /** Who holds a ward: a Mitan's user id or a request number, and the ward. */
    interface WardHolder {

        String getHolder();

        int getWard();
    }
}
