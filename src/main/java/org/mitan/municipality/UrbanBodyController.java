package org.mitan.municipality;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The urban bodies the service runs in: the call centre picks body and ward from them; administrators add
 * bodies, and administrators and supervisors keep their supervisor phone, ward count and active flag current.
 */
@RestController
class UrbanBodyController {

    private final UrbanBodyRepository bodies;
    private final UrbanBodyAdministration administration;

    UrbanBodyController(UrbanBodyRepository bodies, UrbanBodyAdministration administration) {
        this.bodies = bodies;
        this.administration = administration;
    }

    /** The active bodies with their ward counts, for anyone logged in. */
    @GetMapping("/api/bodies")
    List<BodyView> activeBodies() {
        Caller.current();
        return bodies.findByActiveTrueOrderByCode().stream()
                .map(body -> new BodyView(body.getCode(), body.getNameEn(), body.getNameHi(), body.getDistrict(),
                        body.getKind(), body.getWards()))
                .toList();
    }

    /**
     * Adds an urban body (administrators only): 201 with the body. 400 naming each bad field; 409 when the code
     * is already used. The body takes requests at once; add its Mitans with {@code POST /api/mitans}.
     */
    @PostMapping("/api/bodies")
    @ResponseStatus(HttpStatus.CREATED)
    BodyDetails add(@RequestBody NewBody form) {
        if (!Caller.current().inAnyGroup(Roles.ADMIN)) {
            throw Refusal.notAllowed("Only administrators add urban bodies.");
        }
        return BodyDetails.of(administration.add(form));
    }

    /**
     * Changes a body's supervisor phone (where overdue alerts go), ward count or active flag (administrators and
     * supervisors). Fields left out stay as they are. 404 for an unknown code; 400 naming each bad field; 409 when
     * fewer wards would leave out a ward that a Mitan serves or an open request is in.
     */
    @PatchMapping("/api/bodies/{code}")
    BodyDetails change(@PathVariable String code, @RequestBody BodyChange change) {
        Caller caller = Caller.current();
        String body = code.strip().toUpperCase(Locale.ROOT);
        if (!caller.inAnyGroup(Roles.ADMIN) && !caller.hasRoleFor(Roles.SUPERVISOR, body)) {
            throw Refusal.notAllowed("Only administrators and the supervisors of " + body + " change it.");
        }
        return BodyDetails.of(administration.change(code, change));
    }

    record BodyView(String code, String nameEn, String nameHi, String district, BodyKind kind, int wards) {
    }

    /** A body as administrators see it, with the supervisor phone and whether it takes requests. */
    record BodyDetails(String code, String nameEn, String nameHi, String district, BodyKind kind, int wards,
            String supervisorPhone, boolean active) {

        static BodyDetails of(UrbanBody body) {
            return new BodyDetails(body.getCode(), body.getNameEn(), body.getNameHi(), body.getDistrict(),
                    body.getKind(), body.getWards(), body.getSupervisorPhone(), body.isActive());
        }
    }
}
