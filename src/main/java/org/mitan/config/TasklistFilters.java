package org.mitan.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.mitan.web.Roles;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role sees on the left of Tasklist (Tasklist shows no task without a filter).
 * Created once by name; an administrator's later edits in Tasklist are kept.
 */
@Component
class TasklistFilters {

    private static final List<String> TASK_WORKERS =
            List.of(Roles.MITAN, Roles.CLERK, Roles.REGISTRAR, Roles.REVENUE_INSPECTOR, Roles.TEHSILDAR,
                    Roles.SUPERVISOR, Roles.CALL_CENTRE);

    private static final String[] MITAN_TASKS = {"Task_VisitCitizen", "Task_RecordParticulars",
        "Task_DeliverCertificate"};

    private final FilterService filters;
    private final TaskService tasks;
    private final RolesAndAuthorizations authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, RolesAndAuthorizations authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    void apply() {
        // Everyone's own work: readable by every user, so officers of a group created later in Camunda Admin (a new
        // department named in a certificate type's table row) find their tasks without a code change.
        authorizations.grantEveryone(Resources.FILTER, ensure("My tasks", "Tasks assigned to me", -10, "#1f77b4",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), TASK_WORKERS).getId(),
                Permissions.READ);
        authorizations.grantEveryone(Resources.FILTER, ensure("My groups' tasks",
                "Unclaimed tasks offered to my groups", -5, "#2ca02c",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"), TASK_WORKERS)
                .getId(), Permissions.READ);
        ensure("Document scrutiny", "Requests waiting for a clerk's check of the scanned documents", 0, "#ff7f0e",
                tasks.createTaskQuery().taskCandidateGroup(Roles.CLERK).includeAssignedTasks(),
                List.of(Roles.CLERK, Roles.SUPERVISOR));
        ensure("Registrar's decisions", "Requests waiting for the registrar to approve or reject", 0, "#9467bd",
                tasks.createTaskQuery().taskCandidateGroup(Roles.REGISTRAR).includeAssignedTasks(),
                List.of(Roles.REGISTRAR, Roles.SUPERVISOR));
        ensure("Field inquiries", "Requests waiting for a Revenue Inspector's (Patwari's) field inquiry", 0,
                "#bcbd22", tasks.createTaskQuery().taskCandidateGroup(Roles.REVENUE_INSPECTOR).includeAssignedTasks(),
                List.of(Roles.REVENUE_INSPECTOR, Roles.SUPERVISOR));
        ensure("Tehsildar's decisions", "Requests waiting for the Tehsildar to approve or reject", 0, "#e377c2",
                tasks.createTaskQuery().taskCandidateGroup(Roles.TEHSILDAR).includeAssignedTasks(),
                List.of(Roles.TEHSILDAR, Roles.SUPERVISOR));
        ensure("Mitan visits and deliveries", "Work assigned to Mitans", 5, "#17becf",
                tasks.createTaskQuery().taskDefinitionKeyIn(MITAN_TASKS),
                List.of(Roles.SUPERVISOR));
        ensure("Needs a supervisor", "Requests no Mitan could be assigned to", 5, "#d62728",
                tasks.createTaskQuery().taskCandidateGroup(Roles.SUPERVISOR).includeAssignedTasks(),
                List.of(Roles.SUPERVISOR));
        ensure("Overdue", "Tasks past their due date", 10, "#8c564b",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"),
                List.of(Roles.SUPERVISOR));
    }

    private Filter ensure(String name, String description, int priority, String color, TaskQuery query,
            List<String> groups) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("color", color);
            properties.put("refresh", true);
            filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
            filters.saveFilter(filter);
        }
        for (String group : groups) {
            authorizations.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        return filter;
    }
}
