package org.mitan.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda group ids. A role that works for an urban body is a group per body, {@code <role>-<BODY>} (for example
 * {@code clerk-RPR}, {@code mitan-KRB}): tasks are offered to it, and its members see, claim, complete and administer
 * only that body's requests. State-level roles are plain groups: {@code call-centre}, {@code auditor},
 * {@code analyst}, {@code camunda-admin}, and {@code supervisor} for a supervisor of every body. The role of a step
 * comes from the certificate type, the body from the request's record; a new body or department is data.
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
    /** Municipal Commissioner: permits a birth or death registered 21 days to a year late. */
    public static final String MUNICIPAL_COMMISSIONER = "municipal-commissioner";
    /** The municipal body's Registrar of Marriages: hears both parties and decides on a marriage registration. */
    public static final String MARRIAGE_REGISTRAR = "marriage-registrar";
    /** Labour officer of the Labour department at the body: decides on Gumasta licences (shop registration). */
    public static final String LABOUR_OFFICER = "labour-officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String AUDITOR = "auditor";
    public static final String ANALYST = "analyst";
    /** Camunda's own administrators group. */
    public static final String ADMIN = "camunda-admin";

    /** {@code <role>-<BODY>}: a role in lower case with dashes, a body code in capitals and digits. */
    private static final Pattern BODY_GROUP = Pattern.compile("([a-z][a-z0-9-]*[a-z0-9])-([A-Z0-9]{2,16})");

    private Roles() {
    }

    /** The group of a role at one urban body, e.g. {@code clerk-RPR}. */
    public static String ofBody(String role, String bodyCode) {
        return role + "-" + bodyCode;
    }

    /** The role and body of a per-body group id, or empty for a state-level group. */
    public static Optional<BodyRole> parse(String groupId) {
        Matcher matcher = groupId == null ? null : BODY_GROUP.matcher(groupId);
        return matcher != null && matcher.matches() ? Optional.of(new BodyRole(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    /** A role held at one body. */
    public record BodyRole(String role, String bodyCode) {
    }
}
