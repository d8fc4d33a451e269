package org.mitan.sms;

import java.time.Instant;
import java.util.List;

import org.mitan.failure.Refusal;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mitan.web.Caller;
import org.mitan.web.Roles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The SMS outbox of one request, for supervisors, auditors and administrators; texts are not shown. */
@RestController
class SmsOutboxController {

    private final Requests requests;
    private final SmsMessageRepository outbox;

    SmsOutboxController(Requests requests, SmsMessageRepository outbox) {
        this.requests = requests;
        this.outbox = outbox;
    }

    record SmsView(String template, String phone, SmsStatus status, Instant createdAt, Instant sentAt) {

        static SmsView of(SmsMessage message) {
            return new SmsView(message.getTemplate(), PhoneNumbers.mask(message.getPhone()), message.getStatus(),
                    message.getCreatedAt(), message.getSentAt());
        }
    }

    @GetMapping("/api/requests/{number}/sms")
    List<SmsView> outboxOf(@PathVariable String number) {
        Caller caller = Caller.current();
        if (!caller.inAnyGroup(Roles.AUDITOR, Roles.ADMIN) && !caller.hasRole(Roles.SUPERVISOR)) {
            throw Refusal.notAllowed("Only supervisors, auditors and administrators may see the SMS of a request.");
        }
        ServiceRequest request = requests.require(number);
        if (!caller.inAnyGroup(Roles.AUDITOR, Roles.ADMIN)
                && !caller.hasRoleFor(Roles.SUPERVISOR, request.getBodyCode())) {
            // another body's request is not theirs to know of: answered as a number that names none
            throw Requests.notFound(number);
        }
        return outbox.findByRequestIdOrderByIdAsc(request.getId()).stream().map(SmsView::of).toList();
    }
}
