package org.mitan.mitan;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.mitan.failure.Refusal;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.web.Caller;
import org.mitan.web.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may see a request's file (scans, certificate): auditors and administrators; the supervisors of its urban
 * body; the active Mitan assigned to it now (not a Mitan it was handed away from); and any officer who is or was
 * offered or assigned one of its tasks (offered to their role at the request's body, e.g. {@code clerk-RPR}, so an
 * officer of another body is not). The last rule follows the models, so a new chain of officers needs no change here.
 */
@Component
public class RequestAccess {

    private final HistoryService history;
    private final MitanRepository mitans;

    RequestAccess(HistoryService history, MitanRepository mitans) {
        this.history = history;
        this.mitans = mitans;
    }

    public boolean maySee(Caller caller, ServiceRequest request) {
        if (caller.inAnyGroup(Roles.AUDITOR, Roles.ADMIN)
                || caller.hasRoleFor(Roles.SUPERVISOR, request.getBodyCode())) {
            return true;
        }
        if (caller.hasRole(Roles.MITAN)) {
            // Only the requests that are theirs now: not one handed to another Mitan, nor any once deactivated,
            // although the history still names them on its earlier tasks.
            return isAssignedMitan(caller, request);
        }
        if (history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(request.getRequestNumber())
                .taskInvolvedUser(caller.userId()).count() > 0) {
            return true;
        }
        return caller.groups().stream().anyMatch(group -> history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(request.getRequestNumber()).taskHadCandidateGroup(group).count() > 0);
    }

    /**
     * Who may add to the request's record (a comment on it or its tasks): who may see it, but not as an auditor, who
     * reads the record and changes nothing.
     */
    public boolean mayAddTo(Caller caller, ServiceRequest request) {
        Set<String> working = caller.groups().stream().filter(group -> !group.equals(Roles.AUDITOR))
                .collect(Collectors.toSet());
        return maySee(new Caller(caller.userId(), working), request);
    }

    /**
     * The caller is the request's Mitan, and still active: a deactivated Mitan's requests wait for a supervisor to
     * give their tasks to another Mitan ({@link MitanHandover}), who then works them.
     */
    public boolean isAssignedMitan(Caller caller, ServiceRequest request) {
        return request.getMitanId() != null && mitans.findById(request.getMitanId())
                .filter(Mitan::isActive)
                .map(mitan -> mitan.getUserId().equals(caller.userId())).orElse(false);
    }

    /**
     * Whether the caller may know that the request exists: whoever may see its file, and the call centre, who look
     * up every request for the citizens who call ({@code GET /api/requests/{number}}).
     */
    public boolean mayKnowOf(Caller caller, ServiceRequest request) {
        return caller.inAnyGroup(Roles.CALL_CENTRE) || maySee(caller, request);
    }

    /**
     * Refused unless {@link #maySee}: as not found ({@link Requests#notFound}, word for word) to a caller who may
     * not even know of the request, so that nobody learns which request numbers exist by trying them; as not allowed
     * to one who may (the call centre asking for a request's scans).
     */
    public void checkMaySee(Caller caller, ServiceRequest request) {
        if (!maySee(caller, request)) {
            checkMayKnowOf(caller, request);
            throw Refusal.notAllowed("You are not working on request " + request.getRequestNumber()
                    + ". Ask its officer or a supervisor. / आप इस आवेदन पर काम नहीं कर रहे हैं; इसके अधिकारी या"
                    + " पर्यवेक्षक से पूछें।");
        }
    }

    /**
     * Refused as not found ({@link Requests#notFound}, word for word) unless {@link #mayKnowOf}: to be called right
     * after the lookup, before any refusal that would tell the request exists (not your step, not arranged yet).
     */
    public void checkMayKnowOf(Caller caller, ServiceRequest request) {
        if (!mayKnowOf(caller, request)) {
            throw Requests.notFound(request.getRequestNumber());
        }
    }
}
