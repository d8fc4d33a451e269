package org.mitan.certificate;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaperRegisterEntryRepository extends JpaRepository<PaperRegisterEntry, Long> {

    /** The entry of a paper certificate: its number is its urban body's own (V22's unique key). */
    @Query("select e from PaperRegisterEntry e where e.certificateType = :certificateType"
            + " and e.bodyCode = :bodyCode and e.certificateNumber = :certificateNumber")
    Optional<PaperRegisterEntry> findEntry(String certificateType, String bodyCode, String certificateNumber);

    /**
     * Waits until no other transaction names or enters the same paper certificate, and holds it so until this one
     * ends: a transaction-scoped advisory lock on the entry's key (a row lock cannot be taken on a row not yet there).
     * Two clerks entering one paper certificate in the same instant so make one entry, the second finding the first's,
     * and two requests naming it in the same instant see each other ({@code Corrections}). The first key, 19 (the
     * migration that made the table), keeps these locks apart from any other use of advisory locks.
     */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(19, hashtext(cast(:certificateType as text) || '|'"
            + " || cast(:bodyCode as text) || '|' || cast(:certificateNumber as text)))) entering", nativeQuery = true)
    int awaitEntering(String certificateType, String bodyCode, String certificateNumber);
}
