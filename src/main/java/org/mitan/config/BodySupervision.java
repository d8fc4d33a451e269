package org.mitan.config;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.web.Roles;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Supervisors work for their urban body: on every user task as it is created, the supervisors of the request's body
 * ({@code supervisor-<BODY>}) may see it and give it to someone else ({@code READ}, {@code TASK_ASSIGN}), and may
 * see its process instance in Cockpit and its history (Tasklist's History tab, comments). Nobody of another body is
 * granted anything. The body is the request's, from its record (the business key), never a process variable; a
 * process that works on no request grants nothing.
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
                grant(authorizations, supervisors, Resources.TASK, task.getId(), null, Permissions.READ,
                        TaskPermissions.TASK_ASSIGN);
            }
            String instance = task.getProcessInstanceId();
            if (!granted(authorizations, supervisors, Resources.PROCESS_INSTANCE, instance)) {
                grant(authorizations, supervisors, Resources.PROCESS_INSTANCE, instance, null, Permissions.READ);
                // and its history, where Tasklist's History tab and Camunda's comments look the task up; kept
                // with the request's history (its root instance) and removed with it by the history cleanup
                grant(authorizations, supervisors, Resources.HISTORIC_PROCESS_INSTANCE, instance,
                        ((ExecutionEntity) task.getExecution()).getRootProcessInstanceId(),
                        HistoricProcessInstancePermissions.READ);
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

    /** Grants the permissions; a grant on history names the request's root instance, whose history it goes with. */
    private static void grant(AuthorizationService authorizations, String group, Resources resource, String id,
            String rootInstance, Permission... permissions) {
        AuthorizationEntity grant = (AuthorizationEntity) authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(id);
        grant.setRootProcessInstanceId(rootInstance);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
