package org.mitan.mitan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.mitan.failure.Refusal;
import org.mitan.municipality.AdminInput;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.text.Excerpt;
import org.mitan.web.Roles;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Listing, adding and changing Mitans. A Mitan is a Camunda user (who logs in and gets the tasks) plus a row
 * here saying which body and wards the user serves and how citizens reach them; the user and its membership of
 * group {@code mitan} are made in Camunda Admin first. Every bad field is named in one refusal, and a refused
 * call changes nothing. Deactivating is allowed at any time: assignment passes over inactive Mitans.
 */
@Service
class MitanAdministration {

    static final int MAX_USER_ID_LENGTH = 64;

    private final MitanRepository mitans;
    private final UrbanBodyRepository bodies;
    private final IdentityService identity;

    MitanAdministration(MitanRepository mitans, UrbanBodyRepository bodies, IdentityService identity) {
        this.mitans = mitans;
        this.bodies = bodies;
        this.identity = identity;
    }

    /** The Mitans of a body, active or not, with their open requests; not found for an unknown body. */
    @Transactional(readOnly = true)
    List<MitanView> list(String bodyCode) {
        UrbanBody body = bodies.findById(bodyCode.strip().toUpperCase(Locale.ROOT)).orElseThrow(() ->
                Refusal.notFound("There is no urban body with code '" + bodyCode + "'. GET /api/bodies lists"
                        + " the active ones."));
        return mitans.findByBodyCodeOrderByUserId(body.getCode()).stream().map(this::view).toList();
    }

    /** Adds a Mitan. Refused as invalid naming each bad field; as a conflict when the user is already a Mitan. */
    @Transactional
    MitanView add(NewMitan form) {
        Map<String, String> errors = new LinkedHashMap<>();
        UrbanBody body = activeBody(form.bodyCode(), errors);
        String name = AdminInput.name(form.name(), "name", errors);
        String phone = AdminInput.mobile(form.phone(), "phone", errors);
        if (form.phone() == null) {
            errors.put("phone", "is required: the Mitan's mobile number, which citizens are sent");
        }
        String userId = mitanUser(form.userId(), body == null ? null : body.getCode(), errors);
        Set<Integer> wards = WardList.read(form.wards(), body, "wards", errors);
        if (form.wards() == null) {
            errors.put("wards", "is required: the wards the Mitan serves, e.g. [\"1-35\"] or [4, 5, 9]");
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        mitans.findByUserId(userId).ifPresent(existing -> {
            throw alreadyAMitan(userId, existing.getBodyCode());
        });
        try {
            return view(mitans.saveAndFlush(new Mitan(body.getCode(), name, phone, userId, wards)));
        } catch (DataIntegrityViolationException e) {
            throw alreadyAMitan(userId, body.getCode());
        }
    }

    /** The body a Mitan works for; not found for an unknown user id. */
    @Transactional(readOnly = true)
    String bodyOf(String userId) {
        return mitans.findByUserId(userId.strip()).map(Mitan::getBodyCode).orElseThrow(() -> unknown(userId));
    }

    /**
     * The refusal of a user id that names no Mitan; also of another body's Mitan to a supervisor, who is not to learn
     * from it which user ids are Mitans, nor of which body.
     */
    static Refusal unknown(String userId) {
        return Refusal.notFound("No Mitan of yours has the user id " + Excerpt.quoted(userId)
                + ". GET /api/mitans?body=<code> lists a body's Mitans; POST /api/mitans adds one.");
    }

    /**
     * Changes the fields given. Refused as not found for an unknown user id; as invalid naming each bad field; as a
     * conflict when reactivating a Mitan of an inactive body.
     */
    @Transactional
    MitanView change(String userId, MitanChange change) {
        Mitan mitan = mitans.findByUserId(userId.strip()).orElseThrow(() -> unknown(userId));
        if (change.phone() == null && change.wards() == null && change.active() == null) {
            throw new Refusal(Refusal.Kind.INVALID, "Nothing to change",
                    "Give at least one of phone, wards and active.");
        }
        UrbanBody body = bodies.lockByCode(mitan.getBodyCode()).orElseThrow(() -> new IllegalStateException(
                "Mitan " + mitan.getUserId() + " names an unknown urban body " + mitan.getBodyCode()));
        Map<String, String> errors = new LinkedHashMap<>();
        String phone = AdminInput.mobile(change.phone(), "phone", errors);
        Set<Integer> wards = WardList.read(change.wards(), body, "wards", errors);
        Boolean active = AdminInput.flag(change.active(), "active", errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        if (Boolean.TRUE.equals(active) && !mitan.isActive() && !body.isActive()) {
            throw Refusal.conflict(body.describe() + " is not active, so its Mitan " + mitan.getUserId()
                    + " cannot be reactivated. Reactivate the body first with PATCH /api/bodies/" + body.getCode()
                    + ".", Map.of("bodyCode", body.getCode()));
        }
        if (phone != null) {
            mitan.setPhone(phone);
        }
        if (wards != null) {
            mitan.setWards(wards);
        }
        if (active != null) {
            mitan.setActive(active);
        }
        return view(mitan);
    }

    private UrbanBody activeBody(String code, Map<String, String> errors) {
        String value = AdminInput.trimmed(code);
        if (value == null) {
            errors.put("bodyCode", "is required");
            return null;
        }
        UrbanBody body = bodies.lockByCode(value.toUpperCase(Locale.ROOT)).orElse(null);
        if (body == null) {
            errors.put("bodyCode", Excerpt.quoted(value) + " is not an urban body; GET /api/bodies lists them");
        } else if (!body.isActive()) {
            errors.put("bodyCode", body.describe() + " is not active; reactivate it first with PATCH /api/bodies/"
                    + body.getCode());
            return null;
        }
        return body;
    }

    /** The user id of an existing Camunda user in the body's Mitan group, {@code mitan-<BODY>}. */
    private String mitanUser(String text, String bodyCode, Map<String, String> errors) {
        String userId = AdminInput.trimmed(text);
        if (userId == null) {
            errors.put("userId", "is required: the Camunda user the Mitan logs in with");
            return null;
        }
        if (userId.length() > MAX_USER_ID_LENGTH) {
            errors.put("userId", "must be at most " + MAX_USER_ID_LENGTH + " characters");
            return null;
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            errors.put("userId", Excerpt.quoted(userId) + " is not a Camunda user. Create the user in Camunda Admin"
                    + " (Users, Add user) and add it to group '" + Roles.ofBody(Roles.MITAN, "<BODY>") + "' first,"
                    + " then add the Mitan here");
            return null;
        }
        if (bodyCode == null) {
            return userId;
        }
        String group = Roles.ofBody(Roles.MITAN, bodyCode);
        if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
            errors.put("userId", "user " + Excerpt.quoted(userId) + " is not in group '" + group
                    + "', so it would not see"
                    + " the Mitan's tasks. Add it to group '" + group + "' in Camunda Admin first, then add"
                    + " the Mitan here");
            return null;
        }
        return userId;
    }

    private MitanView view(Mitan mitan) {
        return MitanView.of(mitan, mitans.countOpenRequests(mitan.getId()));
    }

    private static Refusal alreadyAMitan(String userId, String bodyCode) {
        return Refusal.conflict("User '" + userId + "' is already a Mitan of " + bodyCode + ". Change that"
                + " Mitan with PATCH /api/mitans/" + userId + ".", Map.of("userId", userId));
    }
}
