package org.mitan.municipality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.mitan.failure.Refusal;
import org.mitan.text.Excerpt;
import org.mitan.text.PrintableCharacters;
import org.mitan.municipality.UrbanBodyRepository.WardHolder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding urban bodies and changing their supervisor phone, ward count and whether they take requests. Every
 * bad field is named in one refusal, and a refused call changes nothing.
 */
@Service
class UrbanBodyAdministration {

    static final int MAX_WARDS = 200;
    /** How many Mitans or requests a refusal names before it only counts the rest. */
    static final int NAMED_HOLDERS = 10;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,16}");

    private final UrbanBodyRepository bodies;
    private final ApplicationEventPublisher events;
    private final PrintableCharacters printable;

    UrbanBodyAdministration(UrbanBodyRepository bodies, ApplicationEventPublisher events,
            PrintableCharacters printable) {
        this.bodies = bodies;
        this.events = events;
        this.printable = printable;
    }

    /**
     * Adds a body; the code is upper-cased. Refused as invalid naming each bad field; as a conflict when the code
     * is taken.
     */
    @Transactional
    UrbanBody add(NewBody form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = AdminInput.trimmed(form.code());
        if (code == null) {
            errors.put("code", "is required");
        } else {
            code = code.toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                errors.put("code", "must be 2 to 16 capital letters or digits, e.g. BSP");
            }
        }
        String nameEn = AdminInput.name(form.nameEn(), "nameEn", errors);
        if (nameEn != null) {
            // heads every certificate of the body, and cannot be changed later through the API
            printable.refusal(nameEn).ifPresent(refusal -> errors.put("nameEn", refusal));
        }
        String nameHi = AdminInput.name(form.nameHi(), "nameHi", errors);
        if (nameHi != null) {
            // heads every certificate too, above the English name ("नगर पालिक निगम <nameHi>"): a script the fonts
            // lack would stop each of the body's certificates at issue, after the visit, scrutiny and the decision
            printable.refusal(nameHi).ifPresent(refusal -> errors.put("nameHi", refusal));
        }
        String district = AdminInput.name(form.district(), "district", errors);
        BodyKind kind = kind(form.kind(), errors);
        Integer wards = AdminInput.number(form.wards(), 1, MAX_WARDS, "wards", errors);
        if (form.wards() == null) {
            errors.put("wards", "is required: the number of wards, 1 to " + MAX_WARDS);
        }
        String supervisorPhone = AdminInput.mobile(form.supervisorPhone(), "supervisorPhone", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        String taken = code;
        bodies.findById(code).ifPresent(existing -> {
            throw codeTaken(taken, existing.getNameEn());
        });
        UrbanBody body = new UrbanBody(code, nameEn, nameHi, district, kind, wards);
        body.setSupervisorPhone(supervisorPhone);
        UrbanBody saved;
        try {
            saved = bodies.saveAndFlush(body);
        } catch (DataIntegrityViolationException e) {
            throw codeTaken(code, "a body added at the same moment");
        }
        events.publishEvent(new UrbanBodyAdded(saved.getCode(), saved.getNameEn()));
        return saved;
    }

    /**
     * Changes the fields given. Refused as not found for an unknown code; as invalid naming each bad field; as a
     * conflict when the ward count would leave out a ward that a Mitan serves or an open request is in.
     */
    @Transactional
    UrbanBody change(String code, BodyChange change) {
        UrbanBody body = bodies.lockByCode(code.strip().toUpperCase(Locale.ROOT)).orElseThrow(() ->
                Refusal.notFound("There is no urban body with code " + Excerpt.quoted(code)
                        + ". GET /api/bodies lists the"
                        + " active ones; POST /api/bodies adds one."));
        if (change.supervisorPhone() == null && change.wards() == null && change.active() == null) {
            throw new Refusal(Refusal.Kind.INVALID, "Nothing to change",
                    "Give at least one of supervisorPhone, wards and active.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String supervisorPhone = AdminInput.mobile(change.supervisorPhone(), "supervisorPhone", errors);
        Integer wards = AdminInput.number(change.wards(), 1, MAX_WARDS, "wards", errors);
        Boolean active = AdminInput.flag(change.active(), "active", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (wards != null && wards < body.getWards()) {
            checkNoWardAbove(body, wards);
        }
        if (supervisorPhone != null) {
            body.setSupervisorPhone(supervisorPhone);
        }
        if (wards != null) {
            body.setWards(wards);
        }
        if (active != null) {
            body.setActive(active);
        }
        return body;
    }

    private void checkNoWardAbove(UrbanBody body, int wards) {
        List<WardHolder> mitans = bodies.mitansServingWardsAbove(body.getCode(), wards);
        List<WardHolder> requests = bodies.openRequestsInWardsAbove(body.getCode(), wards);
        if (mitans.isEmpty() && requests.isEmpty()) {
            return;
        }
        StringBuilder detail = new StringBuilder(body.describe()).append(" cannot have only ").append(wards)
                .append(" wards.");
        if (!mitans.isEmpty()) {
            detail.append(" Mitans serving higher wards: ").append(name(mitans, "up to ward "))
                    .append("; change their wards first with PATCH /api/mitans/{userId}.");
        }
        if (!requests.isEmpty()) {
            detail.append(" Open requests in higher wards: ").append(name(requests, "in ward "))
                    .append("; they must be finished first.");
        }
        throw Refusal.conflict(detail.toString(), Map.of(
                "mitans", mitans.stream().map(WardHolder::getHolder).limit(NAMED_HOLDERS).toList(),
                "openRequests", requests.stream().map(WardHolder::getHolder).limit(NAMED_HOLDERS).toList()));
    }

    private static String name(List<WardHolder> holders, String wardLabel) {
        String named = holders.stream().limit(NAMED_HOLDERS)
                .map(holder -> holder.getHolder() + " " + wardLabel + holder.getWard())
                .collect(Collectors.joining(", "));
        return holders.size() > NAMED_HOLDERS ? named + " and " + (holders.size() - NAMED_HOLDERS) + " more" : named;
    }

    private static BodyKind kind(String text, Map<String, String> errors) {
        String value = AdminInput.trimmed(text);
        String rule = "MUNICIPAL_CORPORATION, MUNICIPAL_COUNCIL or NAGAR_PANCHAYAT";
        if (value == null) {
            errors.put("kind", "is required: " + rule);
            return null;
        }
        try {
            return BodyKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("kind", "must be " + rule);
            return null;
        }
    }

    private static Refusal codeTaken(String code, String holder) {
        return Refusal.conflict("The code " + code + " is already used by " + holder + ". Choose another code,"
                + " or change that body with PATCH /api/bodies/" + code + ".", Map.of("code", code));
    }
}
