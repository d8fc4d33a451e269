package org.mitan.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.request.RequestMilestone;
import org.mitan.request.RequestStatus;
import org.mitan.request.Requests;
import org.mitan.request.ServiceRequest;
import org.mockito.InOrder;
import org.mitan.catalogue.Catalogue;

class RequestOverviewTest {

    private final Requests requests = mock(Requests.class);
    private final Catalogue types = mock(Catalogue.class);
    private final TaskService tasks = mock(TaskService.class);
    private final IdentityService identity = mock(IdentityService.class);
    private final TaskQuery query = mock(TaskQuery.class, RETURNS_SELF);
    private final RequestOverview overview = new RequestOverview(requests, types, tasks, identity);
    private final ServiceRequest request = Fixtures.request(4, "RPR-2026-000004");

    @BeforeEach
    void setUp() {
        when(types.type("birth-certificate")).thenReturn(Optional.of(Fixtures.BIRTH));
        when(tasks.createTaskQuery()).thenReturn(query);
        when(requests.milestonesOf(request)).thenReturn(List.of(
                new RequestMilestone(4L, "REGISTERED", Fixtures.NOW, "cc1", "Birth certificate, Raipur ward 12"),
                new RequestMilestone(4L, "MITAN_ASSIGNED", Fixtures.NOW.plusSeconds(60), "system", "Asha (mitan1)")));
    }

    @Test
    void showsTheOpenTasksOfTheRequestAndOfTheVisitsItCalledWithTheirMilestones() {
        Task visit = task("t1", "Visit the citizen", "Task_VisitCitizen", "mitan1",
                Instant.parse("2026-05-03T12:30:00Z"));
        Task assignment = task("t2", null, "Task_AssignMitanManually", null, null);
        when(query.list()).thenReturn(List.of(visit, assignment));
        when(tasks.getIdentityLinksForTask("t1")).thenReturn(List.of());
        List<IdentityLink> links = List.of(
                link(IdentityLinkType.CANDIDATE, "supervisor", null),
                link(IdentityLinkType.CANDIDATE, null, "sup1"),
                link(IdentityLinkType.OWNER, "auditor", null),
                link(IdentityLinkType.CANDIDATE, "admin-RPR", null));
        when(tasks.getIdentityLinksForTask("t2")).thenReturn(links);

        RequestOverview.View view = overview.describe(request);

        verify(query).processInstanceBusinessKey("RPR-2026-000004");
        assertThat(view.requestNumber()).isEqualTo("RPR-2026-000004");
        assertThat(view.serviceName()).isEqualTo("Birth certificate");
        assertThat(view.status()).isEqualTo(RequestStatus.REGISTERED);
        assertThat(view.currentSteps()).containsExactly(
                new RequestOverview.Step("Visit the citizen", "Task_VisitCitizen", "mitan1", List.of(),
                        Instant.parse("2026-05-03T12:30:00Z")),
                new RequestOverview.Step("Task_AssignMitanManually", "Task_AssignMitanManually", null,
                        List.of("admin-RPR", "supervisor"), null));
        assertThat(view.milestones()).extracting(RequestOverview.Milestone::milestone)
                .containsExactly("REGISTERED", "MITAN_ASSIGNED");
        assertThat(view.milestones().get(0).actor()).isEqualTo("cc1");
        assertThat(view.milestones().get(1).at()).isEqualTo(Fixtures.NOW.plusSeconds(60));
    }

    @Test
    void theStepsDoNotDependOnTheCallersCamundaAuthorizations() {
        Authentication caller = new Authentication("cc1", List.of("call-centre"));
        when(identity.getCurrentAuthentication()).thenReturn(caller);
        when(query.list()).thenReturn(List.of());

        overview.describe(request);

        InOrder order = inOrder(identity, query);
        order.verify(identity).clearAuthentication();
        order.verify(query).list();
        order.verify(identity).setAuthentication(caller);
    }

    @Test
    void aRequestKeepsItsServiceNameWhileItsTypeTakesNoNewRequests() {
        when(types.find("birth-certificate")).thenReturn(Optional.empty());   // its process suspended
        when(query.list()).thenReturn(List.of());

        assertThat(overview.describe(request).serviceName()).isEqualTo("Birth certificate");
    }

    @Test
    void aTypeNoLongerDeployedIsShownByItsKey() {
        when(types.type("birth-certificate")).thenReturn(Optional.empty());
        when(query.list()).thenReturn(List.of());

        assertThat(overview.describe(request).serviceName()).isEqualTo("birth-certificate");
    }

    private static Task task(String id, String name, String key, String assignee, Instant due) {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(id);
        when(task.getName()).thenReturn(name);
        when(task.getTaskDefinitionKey()).thenReturn(key);
        when(task.getAssignee()).thenReturn(assignee);
        when(task.getDueDate()).thenReturn(due == null ? null : Date.from(due));
        return task;
    }

    private static IdentityLink link(String type, String groupId, String userId) {
        IdentityLink link = mock(IdentityLink.class);
        when(link.getType()).thenReturn(type);
        when(link.getGroupId()).thenReturn(groupId);
        when(link.getUserId()).thenReturn(userId);
        return link;
    }
}
