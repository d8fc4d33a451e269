package org.mitan.intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.mitan.failure.Refusal;
import org.mitan.mitan.RequestAccess;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.web.Caller;
import org.mitan.web.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The call centre's API: register a citizen's request, and look up where a request stands. */
@RestController
@RequestMapping("/api/requests")
class RequestController {

    private final IntakeService intake;
    private final Requests requests;
    private final RequestAccess access;
    private final RequestOverview overview;

    RequestController(IntakeService intake, Requests requests, RequestAccess access, RequestOverview overview) {
        this.intake = intake;
        this.requests = requests;
        this.access = access;
        this.overview = overview;
    }

    @PostMapping
    ResponseEntity<Registered> register(@RequestBody RegistrationForm form) {
        Caller caller = Caller.current();
        if (!caller.inAnyGroup(Roles.CALL_CENTRE, Roles.ADMIN)) {
            throw Refusal.notAllowed("Only the call centre registers requests.");
        }
        Registration registration = intake.register(form, caller.userId());
        ServiceRequest request = registration.request();
        URI location = URI.create("/api/requests/"
                + UriUtils.encodePathSegment(request.getRequestNumber(), StandardCharsets.UTF_8));
        return ResponseEntity.created(location).body(new Registered(request.getRequestNumber(), request.getStatus(),
                request.getCertificateType(), registration.type().serviceName(), request.getBodyCode(),
                request.getWard(), request.getCreatedAt()));
    }

    @GetMapping("/{number}")
    RequestOverview.View show(@PathVariable String number) {
        Caller caller = Caller.current();
        ServiceRequest request = requests.require(number);
        if (!caller.inAnyGroup(Roles.CALL_CENTRE, Roles.AUDITOR, Roles.ADMIN)) {
            access.checkMaySee(caller, request);
        }
        return overview.describe(request);
    }

    record Registered(String requestNumber, RequestStatus status, String certificateType, String serviceName,
            String bodyCode, int ward, Instant createdAt) {
    }
}
