package org.mitan.mitan;

import java.util.List;
import java.util.Locale;

import org.mitan.failure.Refusal;
import org.mitan.web.Caller;
import org.mitan.web.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration of Mitans, for administrators and supervisors: who serves which body and wards, their phone,
 * and whether they take new requests. The Camunda user of a Mitan is made in Camunda Admin beforehand.
 */
@RestController
@RequestMapping("/api/mitans")
class MitanController {

    private final MitanAdministration administration;

    MitanController(MitanAdministration administration) {
        this.administration = administration;
    }

    /** The Mitans of a body ({@code ?body=RPR}), active or not, with their wards and open requests. */
    @GetMapping
    List<MitanView> list(@RequestParam("body") String bodyCode) {
        allowedFor(bodyCode == null ? "" : bodyCode.strip().toUpperCase(Locale.ROOT));
        return administration.list(bodyCode);
    }

    /**
     * Adds a Mitan: 201 with the Mitan. The user id must belong to an existing Camunda user in group
     * {@code mitan}, the body must be active, the wards within the body's. 400 naming each bad field; 409 when
     * the user is already a Mitan.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MitanView add(@RequestBody NewMitan form) {
        allowedFor(form.bodyCode() == null ? "" : form.bodyCode().strip().toUpperCase(Locale.ROOT));
        return administration.add(form);
    }

    /**
     * Changes a Mitan's phone, wards or active flag; fields left out stay as they are. Deactivating takes the
     * Mitan out of assignment at once; tasks already assigned to them (see {@code openRequests}) stay theirs until
     * a supervisor reassigns them in Tasklist. 404 for an unknown user id, and in the same words for another body's
     * Mitan to a supervisor; 400 naming each bad field; 409 when
     * reactivating a Mitan of an inactive body.
     */
    @PatchMapping("/{userId}")
    MitanView change(@PathVariable String userId, @RequestBody MitanChange change) {
        Caller caller = Caller.current();
        allowed(caller);
        if (!caller.inAnyGroup(Roles.ADMIN) && !caller.hasRoleFor(Roles.SUPERVISOR, administration.bodyOf(userId))) {
            // another body's Mitan is answered as an unknown user id: no telling who is a Mitan, nor where
            throw MitanAdministration.unknown(userId);
        }
        return administration.change(userId, change);
    }

    /** Administrators and supervisors of some body, before anything is looked up. */
    private static void allowed(Caller caller) {
        if (!caller.inAnyGroup(Roles.ADMIN) && !caller.hasRole(Roles.SUPERVISOR)) {
            throw Refusal.notAllowed("Only administrators and the supervisors of a body manage its Mitans.");
        }
    }

    /** Administrators, and the supervisors of the body (or state-level supervisors). */
    private static void allowedFor(String bodyCode) {
        Caller caller = Caller.current();
        allowed(caller);
        if (!caller.inAnyGroup(Roles.ADMIN) && !caller.hasRoleFor(Roles.SUPERVISOR, bodyCode)) {
            throw Refusal.notAllowed("Only administrators and the supervisors of " + bodyCode
                    + " manage its Mitans.");
        }
    }
}
