package org.mitan.intake;

import org.mitan.catalogue.CertificateType;
import org.mitan.request.ServiceRequest;

/** A request just registered through the API, with the certificate type it was registered for. */
public record Registration(ServiceRequest request, CertificateType type) {
}
