package org.mitan.intake;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.CertificateType;
import org.mitan.failure.Refusal;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.request.VisitWindow;
import org.mitan.text.Digits;
import org.mitan.text.Excerpt;
import org.mitan.text.PhoneNumbers;
import org.mitan.text.PrintableCharacters;
import org.mitan.text.TypedText;
import org.springframework.stereotype.Component;

/**
 * The registration rules, the same for the API and the Tasklist start form. Every bad field is named in one
 * refusal, so the call-centre agent corrects everything in one go while the citizen is still on the line.
 */
@Component
class RegistrationValidator {

    static final String DEFAULT_LANGUAGE = "hi";
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_ADDRESS_LENGTH = 500;

    private final Catalogue types;
    private final UrbanBodyRepository bodies;
    private final PrintableCharacters printable;

    RegistrationValidator(Catalogue types, UrbanBodyRepository bodies, PrintableCharacters printable) {
        this.types = types;
        this.bodies = bodies;
        this.printable = printable;
    }

    /** The form's values in stored form; otherwise a {@link Refusal} (invalid) naming each bad field. */
    ValidRegistration validate(RegistrationForm form) {
        Map<String, String> errors = new LinkedHashMap<>();

        CertificateType type = null;
        String typeKey = trimmed(form.certificateType());
        if (typeKey == null) {
            errors.put("certificateType", "is required");
        } else {
            type = types.find(typeKey).orElse(null);
            if (type == null) {
                errors.put("certificateType", Excerpt.quoted(typeKey)
                        + " is not a certificate type offered here; offered: "
                        + types.all().stream().map(CertificateType::key).collect(Collectors.joining(", ")));
            }
        }

        UrbanBody body = null;
        String bodyCode = trimmed(form.bodyCode());
        if (bodyCode == null) {
            errors.put("bodyCode", "is required");
        } else {
            body = bodies.findById(bodyCode.toUpperCase(Locale.ROOT)).filter(UrbanBody::isActive).orElse(null);
            if (body == null) {
                errors.put("bodyCode", Excerpt.quoted(bodyCode) + " is not an urban body the service runs in");
            }
        }

        Integer ward = null;
        String wardText = trimmed(form.ward());
        if (wardText == null) {
            errors.put("ward", "is required");
        } else {
            ward = parseWard(wardText);
            if (ward == null || ward < 1 || (body != null && !body.hasWard(ward))) {
                errors.put("ward", body == null ? "must be a ward number from 1"
                        : "must be a ward number from 1 to " + body.getWards() + " of " + body.getNameEn());
            }
        }

        String name = singleSpaced(form.citizenName());
        if (name == null) {
            errors.put("citizenName", "is required");
        } else if (TypedText.refusal(name, true).isPresent()) {
            errors.put("citizenName", TypedText.refusal(name, true).orElseThrow());
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.put("citizenName", "must be at most " + MAX_NAME_LENGTH + " characters");
        }

        String phone = null;
        if (trimmed(form.citizenPhone()) == null) {
            errors.put("citizenPhone", "is required");
        } else {
            phone = PhoneNumbers.normalise(form.citizenPhone()).orElse(null);
            if (phone == null) {
                errors.put("citizenPhone", PhoneNumbers.refusal(form.citizenPhone()).orElseThrow());
            }
        }

        String address = singleSpaced(form.address());
        if (address == null) {
            errors.put("address", "is required");
        } else if (TypedText.refusal(address, true).isPresent()) {
            errors.put("address", TypedText.refusal(address, true).orElseThrow());
        } else if (address.length() > MAX_ADDRESS_LENGTH) {
            errors.put("address", "must be at most " + MAX_ADDRESS_LENGTH + " characters");
        }

        VisitWindow window = null;
        String windowText = trimmed(form.preferredVisitWindow());
        if (windowText == null) {
            errors.put("preferredVisitWindow", "is required: MORNING, AFTERNOON or EVENING");
        } else {
            window = visitWindow(windowText).orElse(null);
            if (window == null) {
                errors.put("preferredVisitWindow", "must be MORNING, AFTERNOON or EVENING");
            }
        }

        String language = trimmed(form.language());
        if (language == null) {
            language = DEFAULT_LANGUAGE;
        } else {
            language = language.toLowerCase(Locale.ROOT);
            if (!language.equals("hi") && !language.equals("en")) {
                errors.put("language", "must be hi (Hindi) or en (English)");
            }
        }

        // Both are printed on the certificate: what it cannot print is refused now, not at the end.
        printable.refusal(name).ifPresent(refusal -> errors.putIfAbsent("citizenName", refusal));
        printable.refusal(address).ifPresent(refusal -> errors.putIfAbsent("address", refusal));

        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors);
        }
        return new ValidRegistration(type, body, ward, name, phone, address, window, language);
    }

    private static Integer parseWard(String typed) {
        String text = Digits.latin(typed);
        if (!text.matches("\\d{1,6}")) {
            return null;
        }
        return Integer.valueOf(text);
    }

    private static Optional<VisitWindow> visitWindow(String text) {
        try {
            return Optional.of(VisitWindow.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String trimmed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip();
    }

    private static String singleSpaced(String text) {
        String trimmed = trimmed(text);
        return trimmed == null ? null : trimmed.replaceAll("\\s+", " ");
    }
}
