package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The engine checks a user's grants for all of the user's groups without first reading every group that holds a
 * grant, and the answers are the same: a group without grants adds nothing and takes nothing away. It asks whether
 * the user has revokes only once any exists, and a revoke saved counts from the next command on.
 */
@MitanIntegrationTest
class AuthorizationGroupsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    AuthorizationService authorizations;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @Test
    void theEngineUsesTheAuthorizationManagerThatTakesTheGroupsAsGiven() {
        AuthorizationManager manager = engine.getCommandExecutorTxRequired()
                .execute((Command<AuthorizationManager>) context -> context.getAuthorizationManager());

        assertThat(manager).isInstanceOf(AuthorizationGroups.GroupsAsGiven.class);
        assertThat(manager.filterAuthenticatedGroupIds(List.of("clerk-RPR", "a-group-without-grants")))
                .containsExactly("clerk-RPR", "a-group-without-grants");
        assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
    }

    @Test
    void aGroupWithoutGrantsChangesNoTaskList() {
        DemoRequests.register(http, processEngine, DemoRequests.freshPhone());

        List<String> asSupervisor = visits("a-user-with-no-grants", List.of("supervisor-RPR"));
        List<String> withAnother = visits("a-user-with-no-grants", List.of("supervisor-RPR", "a-group-without-grants"));
        List<String> withoutTheGroup = visits("a-user-with-no-grants", List.of("a-group-without-grants"));

        assertThat(asSupervisor).isNotEmpty();
        assertThat(withAnother).isEqualTo(asSupervisor);
        assertThat(withoutTheGroup).isEmpty();
    }

    @Test
    void aRevokeSavedInAdminTakesTheTaskAwayAtTheNextCallAndItsDeletionGivesItBack() {
        DemoRequests.register(http, processEngine, DemoRequests.freshPhone());
        List<String> before = visits("a-denied-supervisor", List.of("supervisor-RPR"));
        assertThat(before).as("the group's grants show the visits, and the node has found no revoke").isNotEmpty();
        assertThat(revokeChecked("a-denied-supervisor", List.of("supervisor-RPR"))).isFalse();

        Authorization deny = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        deny.setUserId("a-denied-supervisor");
        deny.setResource(Resources.TASK);
        deny.setResourceId(Authorization.ANY);
        deny.removePermission(Permissions.READ);
        authorizations.saveAuthorization(deny);
        try {
            assertThat(revokeChecked("a-denied-supervisor", List.of("supervisor-RPR"))).isTrue();
            assertThat(visits("a-denied-supervisor", List.of("supervisor-RPR"))).isEmpty();
            assertThat(revokeChecked("another-supervisor", List.of("supervisor-RPR")))
                    .as("the engine's own question, for a user without revokes").isFalse();
            assertThat(visits("another-supervisor", List.of("supervisor-RPR"))).containsAll(before);
        } finally {
            authorizations.deleteAuthorization(deny.getId());
        }

        assertThat(visits("a-denied-supervisor", List.of("supervisor-RPR"))).containsAll(before);
    }

    /** Whether a command of the user's checks revokes (the engine's question, or the node's "none exist"). */
    private boolean revokeChecked(String user, List<String> groups) {
        return engine.getCommandExecutorTxRequired().execute((Command<Boolean>) context -> {
            AuthorizationGroups.GroupsAsGiven manager = (AuthorizationGroups.GroupsAsGiven) context
                    .getAuthorizationManager();
            return manager.isRevokeAuthCheckEnabled(user, groups);
        });
    }

    private List<String> visits(String user, List<String> groups) {
        identity.setAuthentication(user, groups);
        try {
            return tasks.createTaskQuery().taskDefinitionKey("Task_VisitCitizen").orderByTaskId().asc().list()
                    .stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }
}
