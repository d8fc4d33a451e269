package org.mitan.mitan;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses the Mitan who visits a citizen (and later delivers the certificate):
 * <ol>
 * <li>a supervisor's choice, if that Mitan is active and works for the request's body;</li>
 * <li>else the Mitan already assigned, on a re-visit, while still active in the body;</li>
 * <li>else the active Mitan of the body serving the request's ward with the fewest open requests;</li>
 * <li>else any active Mitan of the body with the fewest open requests (ties: the longest-serving, lowest id).</li>
 * </ol>
 * When nobody fits, a {@link NoMitanAvailableException} tells the supervisor why and whom they can choose.
 */
@Service
public class MitanAssignmentService {

    private final MitanRepository mitans;
    private final Requests requests;
    private final UrbanBodyRepository bodies;

    MitanAssignmentService(MitanRepository mitans, Requests requests, UrbanBodyRepository bodies) {
        this.mitans = mitans;
        this.requests = requests;
        this.bodies = bodies;
    }

    /**
     * Assigns a Mitan to the request and moves it to MITAN_ASSIGNED. Refusing leaves the transaction usable:
     * the process turns the refusal into a BPMN error and carries on to the supervisor's task.
     */
    @Transactional(noRollbackFor = NoMitanAvailableException.class)
    public Mitan assign(String requestNumber, String chosenUserId, String actor) {
        ServiceRequest request = requests.require(requestNumber);
        Mitan mitan = chosenUserId != null && !chosenUserId.isBlank()
                ? chosen(request, chosenUserId.strip())
                : current(request).orElseGet(() -> leastLoaded(request));
        request.setMitanId(mitan.getId());
        requests.advance(request, RequestStatus.MITAN_ASSIGNED, actor,
                mitan.getName() + " (" + mitan.getUserId() + ")");
        return mitan;
    }

    private Mitan chosen(ServiceRequest request, String userId) {
        Mitan mitan = mitans.findByUserId(userId).orElseThrow(() -> new NoMitanAvailableException(
                "'" + userId + "' is not the user id of a Mitan. " + whoCanBeChosen(request)));
        if (!mitan.isActive()) {
            throw new NoMitanAvailableException(describe(mitan) + " is no longer active. " + whoCanBeChosen(request));
        }
        if (!mitan.getBodyCode().equals(request.getBodyCode())) {
            throw new NoMitanAvailableException(describe(mitan) + " works for " + bodyName(mitan.getBodyCode())
                    + ", not " + bodyName(request.getBodyCode()) + ". " + whoCanBeChosen(request));
        }
        return mitan;
    }

    private Optional<Mitan> current(ServiceRequest request) {
        if (request.getMitanId() == null) {
            return Optional.empty();
        }
        return mitans.findById(request.getMitanId())
                .filter(Mitan::isActive)
                .filter(mitan -> mitan.getBodyCode().equals(request.getBodyCode()));
    }

    private Mitan leastLoaded(ServiceRequest request) {
        List<Mitan> active = mitans.findByBodyCodeAndActiveTrue(request.getBodyCode());
        List<Mitan> wardMitans = active.stream().filter(mitan -> mitan.serves(request.getWard())).toList();
        List<Mitan> pool = wardMitans.isEmpty() ? active : wardMitans;
        if (pool.isEmpty()) {
            throw new NoMitanAvailableException("No active Mitan works for " + bodyName(request.getBodyCode())
                    + ", so nobody can visit ward " + request.getWard() + " for request "
                    + request.getRequestNumber() + ". Ask the administrator to add or reactivate a Mitan of this body,"
                    + " then choose that Mitan here by user id.");
        }
        if (pool.size() == 1) {
            // one candidate (the ward's only Mitan, or the body's): counting open requests would choose nobody else
            return pool.get(0);
        }
        Map<Long, Long> load = new HashMap<>();
        pool.forEach(mitan -> load.put(mitan.getId(), mitans.countOpenRequests(mitan.getId())));
        return pool.stream()
                .min(Comparator.<Mitan>comparingLong(mitan -> load.get(mitan.getId())).thenComparing(Mitan::getId))
                .orElseThrow();
    }

    private String whoCanBeChosen(ServiceRequest request) {
        List<Mitan> active = mitans.findByBodyCodeAndActiveTrue(request.getBodyCode());
        if (active.isEmpty()) {
            return bodyName(request.getBodyCode()) + " has no active Mitan; ask the administrator to add one.";
        }
        return "Active Mitans of " + bodyName(request.getBodyCode()) + ": " + active.stream()
                .sorted(Comparator.comparing(Mitan::getId))
                .map(mitan -> mitan.getUserId() + " (" + mitan.getName() + ", wards " + wards(mitan) + ")")
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String wards(Mitan mitan) {
        return mitan.getWards().isEmpty() ? "none"
                : mitan.getWards().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String describe(Mitan mitan) {
        return "Mitan " + mitan.getName() + " (" + mitan.getUserId() + ")";
    }

    private String bodyName(String code) {
        return bodies.findById(code).map(UrbanBody::getNameEn).map(name -> name + " (" + code + ")").orElse(code);
    }
}
