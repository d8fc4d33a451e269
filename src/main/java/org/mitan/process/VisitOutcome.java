package org.mitan.process;

/** What the Mitan reports after a doorstep visit (values of the {@code visitOutcome} variable). */
public final class VisitOutcome {

    public static final String COLLECTED = "collected";
    public static final String DOCUMENTS_MISSING = "documentsMissing";
    public static final String CITIZEN_NOT_HOME = "citizenNotHome";
    public static final String WITHDRAWN = "withdrawn";

    private VisitOutcome() {
    }
}
