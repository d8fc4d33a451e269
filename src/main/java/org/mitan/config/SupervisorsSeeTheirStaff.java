package org.mitan.config;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.mitan.web.Roles;

/**
 * A body's supervisors may read the users who work for their body: whoever is in one of its groups
 * ({@code clerk-RPR}, {@code mitan-RPR}, ...) is readable by {@code supervisor-<BODY>}. Tasklist gives a task to
 * someone else only once it finds the user typed as the new assignee (it lists the users the engine lets the
 * supervisor read), and shows the assignee's name; without this the supervisor could reassign nothing in Tasklist.
 * Nobody of another body reads them. Granted as a user joins a body's group ({@link IdentityChangesForgetLogins})
 * and, for the members already there, on every start ({@link RolesAndAuthorizations#applyBody}).
 */
final class SupervisorsSeeTheirStaff {

    private SupervisorsSeeTheirStaff() {
    }

    /** Lets the supervisors of the group's body read the user; nothing for a state-level group. */
    static void memberJoined(AuthorizationService authorizations, String userId, String groupId) {
        Roles.parse(groupId).ifPresent(bodyRole -> {
            String supervisors = Roles.ofBody(Roles.SUPERVISOR, bodyRole.bodyCode());
            if (authorizations.createAuthorizationQuery().groupIdIn(supervisors).resourceType(Resources.USER)
                    .resourceId(userId).authorizationType(AUTH_TYPE_GRANT).count() > 0) {
                return;
            }
            Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            grant.setGroupId(supervisors);
            grant.setResource(Resources.USER);
            grant.setResourceId(userId);
            grant.addPermission(Permissions.READ);
            authorizations.saveAuthorization(grant);
        });
    }
}
