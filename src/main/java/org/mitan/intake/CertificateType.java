package org.mitan.intake;

/**
 * A certificate the doorstep service offers: a deployed process of that key with a row in the
 * {@code service-level} decision.
 *
 * @param key         the process key, also the {@code certificateType} of requests, e.g. {@code birth-certificate}
 * @param serviceName the name shown to people, e.g. "Birth certificate"
 * @param department  who decides on it, e.g. "Municipal body (Registrar of Births and Deaths)"
 */
public record CertificateType(String key, String serviceName, String department) {
}
