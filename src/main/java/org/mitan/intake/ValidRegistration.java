package org.mitan.intake;

import org.mitan.catalogue.CertificateType;
import org.mitan.municipality.UrbanBody;
import org.mitan.request.VisitWindow;

/** A {@link RegistrationForm} that passed every rule, with its values in their stored form. */
record ValidRegistration(CertificateType type, UrbanBody body, int ward, String citizenName, String citizenPhone,
        String address, VisitWindow preferredVisitWindow, String language) {
}
