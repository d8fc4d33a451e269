package org.mitan.document;

/**
 * One row of the {@code required-documents} decision: a document a certificate type asks for.
 *
 * @param documentType the id the Mitan's tablet uploads under, e.g. {@code birth-report}
 * @param label        English name, e.g. "Birth report"
 * @param labelHi      Hindi name
 * @param mandatory    whether the application cannot go ahead without it (or without one of its group)
 * @param oneOfGroup   empty, or the name of a group of alternatives of which one is enough
 */
public record RequiredDocument(String documentType, String label, String labelHi, boolean mandatory,
        String oneOfGroup) {

    public RequiredDocument {
        oneOfGroup = oneOfGroup == null ? "" : oneOfGroup.trim();
        label = label == null || label.isBlank() ? documentType : label;
        labelHi = labelHi == null ? "" : labelHi;
    }

    /** Its name in both languages, "Birth report / जन्म की सूचना", or the English alone when it has no Hindi one. */
    public String names() {
        return labelHi.isBlank() ? label : label + " / " + labelHi;
    }

    /** Whether this row is one alternative of a "one of" group. */
    public boolean isAlternative() {
        return !oneOfGroup.isEmpty();
    }
}
