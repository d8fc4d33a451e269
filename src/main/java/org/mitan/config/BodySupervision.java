package org.mitan.config;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.web.Roles;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Supervisors work for their urban body: on every user task as it is created, the supervisors of the request's body
 * ({@code supervisor-<BODY>}) may see it and give it to someone else ({@code READ}, {@code TASK_ASSIGN}) and read
 * its history while it is open ({@link TaskHistoryGrants}), and may see its process instance in Cockpit. Nobody of
 * another body is granted anything. The body is the request's, from its record (the business key), never a process
 * variable; a process that works on no request grants nothing.
 */
class BodySupervision implements TaskListener {

    private final ObjectProvider<ServiceRequestRepository> requests;

    BodySupervision(ObjectProvider<ServiceRequestRepository> requests) {
        this.requests = requests;
    }

    /** The urban body of the request a process instance works on (its business key); none outside a request. */
    Optional<String> bodyOf(String businessKey) {
        return businessKey == null ? Optional.empty()
                : requests.getObject().findByRequestNumber(businessKey).map(ServiceRequest::getBodyCode);
    }

    @Override
    public void notify(DelegateTask task) {
        Optional<String> body = bodyOf(task.getExecution().getProcessBusinessKey());
        if (body.isEmpty()) {
            return;
        }
        String supervisors = Roles.ofBody(Roles.SUPERVISOR, body.get());
        AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
        Context.getCommandContext().runWithoutAuthorization(() -> {
            // A supervisors' own task (offered to them) already carries their grant as its candidates.
            if (!CandidateGroups.of(task).contains(supervisors)) {
                grant(authorizations, supervisors, Resources.TASK, task.getId(), Permissions.READ,
                        TaskPermissions.TASK_ASSIGN);
                // and its history while it is open (Tasklist's History tab and comments), as a candidate has it
                grant(authorizations, supervisors, Resources.HISTORIC_TASK, task.getId(),
                        HistoricTaskPermissions.READ);
            }
            String instance = task.getProcessInstanceId();
            if (!granted(authorizations, supervisors, Resources.PROCESS_INSTANCE, instance)) {
                grant(authorizations, supervisors, Resources.PROCESS_INSTANCE, instance, Permissions.READ);
            }
            return null;
        });
    }


    /** A grant of the group on the resource, stored or made earlier in this same transaction. */
    private static boolean granted(AuthorizationService authorizations, String group, Resources resource,
            String id) {
        boolean cached = Context.getCommandContext().getDbEntityManager()
                .getCachedEntitiesByType(AuthorizationEntity.class).stream()
                .anyMatch(grant -> group.equals(grant.getGroupId()) && id.equals(grant.getResourceId())
                        && grant.getResourceType() == resource.resourceType());
        return cached || authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(id).count() > 0;
    }

    private static void grant(AuthorizationService authorizations, String group, Resources resource, String id,
            Permission... permissions) {
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
