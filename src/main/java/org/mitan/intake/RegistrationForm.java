package org.mitan.intake;

/**
 * What the call centre types in for a new request, through the API or the Tasklist start form. Everything is
 * text as received, so that every bad field can be named at once by {@link RegistrationValidator}.
 *
 * @param certificateType      process key of the certificate type, e.g. {@code birth-certificate}
 * @param bodyCode             urban body code, e.g. {@code RPR}
 * @param ward                 ward number within the body
 * @param citizenName          name of the citizen to visit
 * @param citizenPhone         Indian mobile number, with or without {@code +91} / {@code 0}
 * @param address              where the Mitan visits
 * @param preferredVisitWindow MORNING, AFTERNOON or EVENING
 * @param language             language of the SMS: {@code hi} (default) or {@code en}
 */
public record RegistrationForm(String certificateType, String bodyCode, String ward, String citizenName,
        String citizenPhone, String address, String preferredVisitWindow, String language) {
}
