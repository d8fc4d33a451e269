package org.mitan.web;

/**
 * Camunda group ids, one per role. They are state-wide today; per-body groups are meant to be named
 * {@code <role>-<BODY>} (for example {@code registrar-RPR}) when a body needs its own.
 */
public final class Roles {

    public static final String CALL_CENTRE = "call-centre";
    public static final String MITAN = "mitan";
    public static final String CLERK = "clerk";
    public static final String REGISTRAR = "registrar";
    /** Revenue Inspector (Patwari): field inquiries, e.g. into a caste claim. */
    public static final String REVENUE_INSPECTOR = "revenue-inspector";
    /** Tehsildar of the Revenue department: decides, e.g. on caste certificates. */
    public static final String TEHSILDAR = "tehsildar";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String ANALYST = "analyst";
    /** Camunda's own administrators group. */
    public static final String ADMIN = "camunda-admin";

    private Roles() {
    }
}
