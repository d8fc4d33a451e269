package org.mitan.intake;

/**
 * A certificate the doorstep service offers: a deployed process of that key with a row in the
 * {@code service-level} decision.
 *
 * @param key              the process key, also the {@code certificateType} of requests, e.g. {@code birth-certificate}
 * @param serviceName      the name shown to people, e.g. "Birth certificate"
 * @param department       who decides on it, e.g. "Municipal body (Registrar of Births and Deaths)"
 * @param holderParticular the particular that names the certificate's holder, e.g. {@code childName}; null when the
 *                         holder is the citizen who asked
 */
public record CertificateType(String key, String serviceName, String department, String holderParticular) {

    /** A type whose certificate names the citizen who asked. */
    public CertificateType(String key, String serviceName, String department) {
        this(key, serviceName, department, null);
    }
}
