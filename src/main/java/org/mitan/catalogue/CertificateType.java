package org.mitan.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A certificate the doorstep service offers, as its own deployment describes it: the process of that key and the
 * tables of {@code <key>.dmn} ({@link TypeTables}).
 *
 * @param key              the process key, also the {@code certificateType} of requests, e.g. {@code birth-certificate}
 * @param names            what people call it, e.g. "Birth certificate" / "जन्म प्रमाण पत्र"
 * @param departmentNames  who decides on it, in both languages
 * @param holderParticular the particular that names the certificate's holder, e.g. {@code childName}; null when the
 *                         holder is the citizen who asked
 * @param legalDueDays     the legal time limit of the whole service in days (Lok Sewa Guarantee)
 * @param maxVisits        visits a Mitan makes before an unanswered request is closed
 * @param steps            the user tasks a request of the type meets, by task id
 * @param fees             the fees of its {@code <key>-fees} table, in the table's order; empty for a type without one
 */
public record CertificateType(String key, Names names, Names departmentNames, String holderParticular, int legalDueDays,
        int maxVisits, Map<String, Step> steps, List<Fee> fees) {

    public CertificateType {
        steps = Map.copyOf(steps);
        fees = List.copyOf(fees);
    }

    /** A type without a fees table (the legacy models and types written before fees). */
    public CertificateType(String key, Names names, Names departmentNames, String holderParticular, int legalDueDays,
            int maxVisits, Map<String, Step> steps) {
        this(key, names, departmentNames, holderParticular, legalDueDays, maxVisits, steps, List.of());
    }

    /** The fee of that code, if the type's fees table has it. */
    public Optional<Fee> fee(String code) {
        return fees.stream().filter(fee -> fee.code().equals(code)).findFirst();
    }

    /** The English name, e.g. "Birth certificate". */
    public String serviceName() {
        return names.en();
    }

    /** The English name of the deciding department. */
    public String department() {
        return departmentNames.en();
    }

    /** The step of that task id, if the type's steps table has it. */
    public Optional<Step> step(String taskId) {
        return Optional.ofNullable(steps.get(taskId));
    }
}
