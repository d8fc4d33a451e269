package org.mitan.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A request by its number, read by id. A request's number never changes and is never given to another request, so
 * the id found for a number is kept (the most recently used {@value #REMEMBERED} numbers); the row itself is read
 * with {@link EntityManager#find}, which answers from the transaction's persistence context after the first read.
 * Every step of a model asks for its request several times (its candidate group, due date, reminder, status), and
 * each of those was a query of its own (issue 11). A number whose id no longer finds its row (a registration rolled
 * back) is looked up again.
 */
class RequestNumberLookupImpl implements RequestNumberLookup {

    static final int REMEMBERED = 20_000;

    @PersistenceContext
    private EntityManager entityManager;

    private final Map<String, Long> ids = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Override
    public Optional<ServiceRequest> findByRequestNumber(String requestNumber) {
        if (requestNumber == null) {
            return Optional.empty();
        }
        Long id = ids.get(requestNumber);
        if (id != null) {
            ServiceRequest request = entityManager.find(ServiceRequest.class, id);
            if (request != null && requestNumber.equals(request.getRequestNumber())) {
                return Optional.of(request);
            }
            ids.remove(requestNumber);
        }
        Optional<ServiceRequest> found = entityManager.createQuery(
                        "select r from ServiceRequest r where r.requestNumber = :requestNumber", ServiceRequest.class)
                .setParameter("requestNumber", requestNumber)
                .getResultList().stream().findFirst();
        found.map(ServiceRequest::getId).ifPresent(foundId -> ids.put(requestNumber, foundId));
        return found;
    }
}
