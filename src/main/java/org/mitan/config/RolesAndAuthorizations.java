package org.mitan.config;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.mitan.web.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and what each may do in the engine, on every start and in every profile (idempotent;
 * grants made by hand in Camunda Admin are left alone). Users are not created here: they are managed in
 * Camunda Admin, or seeded by the {@code dev} profile.
 */
@Component
class RolesAndAuthorizations {

    private static final Logger LOG = LoggerFactory.getLogger(RolesAndAuthorizations.class);

    /** State-level groups. */
    static final Map<String, String> GROUP_NAMES = Map.of(
            Roles.CALL_CENTRE, "Call centre agents",
            Roles.SUPERVISOR, "Supervisors of every urban body",
            Roles.AUDITOR, "Auditors",
            Roles.ANALYST, "Process analysts");

    /**
     * The application's own roles that work for an urban body: one group per body, {@code <role>-<BODY>}. The
     * departments' roles (clerk, registrar, tehsildar, ...) are data: the roles the deployed types' steps name.
     */
    static final Map<String, String> APPLICATION_BODY_ROLES = Map.of(
            Roles.MITAN, "Mitans (field helpers)",
            Roles.SUPERVISOR, "Supervisors");

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    RolesAndAuthorizations(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    void apply() {
        GROUP_NAMES.forEach((id, name) -> ensureGroup(id, name, "WORKFLOW"));
        ensureGroup(Roles.ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        grantAdmin();

        grant(Roles.CALL_CENTRE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.CALL_CENTRE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(Roles.CALL_CENTRE, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);

        // State-level supervisors (the plain group) watch every body and reassign any task; a body's supervisors
        // (supervisor-<BODY>) are granted each task and instance of their body as it is created (BodySupervision).
        grant(Roles.SUPERVISOR, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Roles.SUPERVISOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.SUPERVISOR, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.TASK_ASSIGN);
        grant(Roles.SUPERVISOR, Resources.TASK, ANY, Permissions.READ, TaskPermissions.TASK_ASSIGN);
        // Tasklist finds the user typed as a task's new assignee among the users its reader may read.
        grant(Roles.SUPERVISOR, Resources.USER, ANY, Permissions.READ);

        // Auditors read everything, finished requests included, and change nothing.
        grant(Roles.AUDITOR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Roles.AUDITOR, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grant(Roles.AUDITOR, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.TASK, ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Roles.AUDITOR, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(Roles.AUDITOR, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);

        // Analysts deploy models from Camunda Modeler and watch how they run in Cockpit: definitions, their
        // instances and history, suspending or updating a definition. They neither start instances nor touch a
        // running one (variables, modification, deletion), which ALL would allow, and only an administrator
        // deletes a deployment (with it, the history of its requests).
        grant(Roles.ANALYST, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        narrowFromAll(Roles.ANALYST, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        withdraw(Roles.ANALYST, Resources.DEPLOYMENT, ANY, Permissions.DELETE);
        narrowFromAll(Roles.ANALYST, Resources.PROCESS_DEFINITION, ANY, Permissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.UPDATE);
        narrowFromAll(Roles.ANALYST, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.UPDATE);
        narrowFromAll(Roles.ANALYST, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        LOG.info("Role groups and authorizations are in place");
    }

    /**
     * The staff groups of one urban body, {@code <role>-<BODY>} for the application's roles and every role the
     * deployed types name, with what each needs in the engine: Tasklist and the process definitions (their tasks
     * come with the candidate group), and Cockpit for the body's supervisors, who also read the users of every
     * group of the body ({@link SupervisorsSeeTheirStaff}). Idempotent.
     */
    void applyBody(String bodyCode, String bodyName, Collection<String> typeRoles) {
        Map<String, String> roles = new TreeMap<>(APPLICATION_BODY_ROLES);
        typeRoles.forEach(role -> roles.putIfAbsent(role, title(role)));
        roles.forEach((role, name) -> {
            String group = Roles.ofBody(role, bodyCode);
            ensureGroup(group, name + ", " + bodyName, "WORKFLOW");
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            if (Roles.SUPERVISOR.equals(role)) {
                grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            }
            identity.createUserQuery().memberOfGroup(group).list()
                    .forEach(user -> SupervisorsSeeTheirStaff.memberJoined(authorizations, user.getId(), group));
        });
    }

    /** A role's name for people, e.g. "Revenue inspector" for {@code revenue-inspector}. */
    static String title(String role) {
        String words = role.replace('-', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Removes the permissions from the group's grant, if it holds them (grants of earlier versions). */
    private void withdraw(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = grantOf(groupId, resource, resourceId);
        if (existing == null) {
            return;
        }
        boolean changed = false;
        for (Permission permission : permissions) {
            if (existing.isPermissionGranted(permission)) {
                existing.removePermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(existing);
            LOG.info("Withdrew {} from {} on {}", Arrays.toString(permissions), groupId, resource.resourceName());
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void grantAdmin() {
        for (Resource resource : Resources.values()) {
            grant(Roles.ADMIN, resource, ANY, Permissions.ALL);
        }
    }

    /**
     * Like {@link #grant}, and a grant that holds every permission (as earlier versions gave analysts) is cut down
     * to these. A grant widened by hand in Camunda Admin short of ALL is left as it is.
     */
    void narrowFromAll(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = grantOf(groupId, resource, resourceId);
        if (existing != null && existing.isEveryPermissionGranted()) {
            existing.setPermissions(permissions);
            authorizations.saveAuthorization(existing);
            LOG.info("Narrowed the grant of {} on {} to {}", groupId, resource.resourceName(),
                    Arrays.toString(permissions));
        }
        grant(groupId, resource, resourceId, permissions);
    }

    private Authorization grantOf(String groupId, Resource resource, String resourceId) {
        return authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT).list().stream().findFirst().orElse(null);
    }

    /** Grants every user the permissions on the resource (a global authorization), once. */
    void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().userIdIn(ANY)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .list().stream().findFirst().orElse(null);
        addPermissions(existing, Authorization.AUTH_TYPE_GLOBAL, authorization -> authorization.setUserId(ANY),
                resource, resourceId, permissions);
    }

    /** Adds the permissions to the group's grant on the resource, creating the grant if there is none. */
    void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        addPermissions(grantOf(groupId, resource, resourceId), AUTH_TYPE_GRANT,
                authorization -> authorization.setGroupId(groupId), resource, resourceId, permissions);
    }

    /** Adds what is missing to the authorization, creating it (of the type, for whom) if there is none. */
    private void addPermissions(Authorization existing, int type, Consumer<Authorization> forWhom, Resource resource,
            String resourceId, Permission... permissions) {
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(type);
        if (existing == null) {
            forWhom.accept(authorization);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
