package org.mitan.request;

import java.util.Optional;

/**
 * Finding a request by its number, the business key every step of every model starts from. Implemented by
 * {@link RequestNumberLookupImpl} rather than derived by Spring Data, so that the lookups repeated in one step cost
 * one read of the row.
 */
public interface RequestNumberLookup {

    Optional<ServiceRequest> findByRequestNumber(String requestNumber);
}
