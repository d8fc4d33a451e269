package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
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
 * grant, and the answers are the same: a group without grants adds nothing and takes nothing away.
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
