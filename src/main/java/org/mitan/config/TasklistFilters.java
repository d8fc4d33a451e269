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
import org.mitan.process.ProcessVariables;
import org.mitan.web.Roles;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role sees on the left of Tasklist (Tasklist shows no task without a filter).
 * Created once by name; an administrator's later edits in Tasklist are kept.
 */
@Component
class TasklistFilters {

    private static final String[] MITAN_TASKS = {"Task_VisitCitizen", "Task_RecordParticulars",
        "Task_DeliverCertificate"};

    /**
     * The columns of every task row: the request a task works on, named by the task-local variables every user task
     * gets as it is created ({@link TaskRows}). Tasklist shows them under the task's name; the due date it shows
     * itself.
     */
    static final List<Map<String, String>> ROW_VARIABLES = List.of(
            column(ProcessVariables.TASK_REQUEST, "Request (अनुरोध)"),
            column(ProcessVariables.TASK_CITIZEN, "Citizen (नागरिक)"),
            column(ProcessVariables.TASK_WARD, "Ward (वार्ड)"),
            column(ProcessVariables.TASK_TYPE, "Certificate (प्रमाण पत्र)"));

    /** Filters of a role's work, with the roles that read them (at every body, and state-level supervisors). */
    private final Map<String, List<String>> readers = new LinkedHashMap<>();

    private final FilterService filters;
    private final TaskService tasks;
    private final RolesAndAuthorizations authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, RolesAndAuthorizations authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    /**
     * Creates the filters. A task list shows only the tasks its reader may see: those offered to their groups
     * (their role at their body), and for a body's supervisors those of their body; so one filter per kind of work
     * serves every body.
     */
    void apply() {
        // Everyone's own work: readable by every user, so officers of a group created later in Camunda Admin (a new
        // department named in a certificate type's table row) find their tasks without a code change.
        authorizations.grantEveryone(Resources.FILTER, ensure("My tasks", "Tasks assigned to me", -10, "#1f77b4",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), List.of()).getId(),
                Permissions.READ);
        authorizations.grantEveryone(Resources.FILTER, ensure("My groups' tasks",
                "Unclaimed tasks offered to my groups", -5, "#2ca02c",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"), List.of())
                .getId(), Permissions.READ);
        ensure("Mitan visits and deliveries", "Work assigned to Mitans", 5, "#17becf",
                tasks.createTaskQuery().taskDefinitionKeyIn(MITAN_TASKS), List.of(Roles.SUPERVISOR));
        ensure("Needs a supervisor", "Requests no Mitan could be assigned to", 5, "#d62728",
                offeredTo(Roles.SUPERVISOR), List.of(Roles.SUPERVISOR));
        ensure("Overdue", "Tasks past their due date", 10, "#8c564b",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), List.of(Roles.SUPERVISOR));
    }

    /**
     * One filter per role the deployed types name (clerk, registrar, a new department's officer), listing the steps
     * the types give it; read by that role at every body and by the supervisors. Kept by name, like the others.
     */
    void applyRoles(Map<String, List<String>> stepsByRole) {
        stepsByRole.forEach((role, steps) -> {
            if (Roles.SUPERVISOR.equals(role) || Roles.MITAN.equals(role)) {
                return;
            }
            ensure(RolesAndAuthorizations.title(role) + "'s tasks", "Requests waiting for the "
                    + role.replace('-', ' ') + " of your urban body: " + String.join(", ", steps), 0, "#ff7f0e",
                    offeredTo(role), List.of(role, Roles.SUPERVISOR));
        });
    }

    /** Lets the staff groups of a body read the filters of their role. */
    void applyBody(String bodyCode) {
        readers.forEach((filterId, roles) -> roles.forEach(role -> authorizations.grant(Roles.ofBody(role, bodyCode),
                Resources.FILTER, filterId, Permissions.READ)));
    }

    private static Map<String, String> column(String variable, String label) {
        Map<String, String> column = new LinkedHashMap<>();
        column.put("name", variable);
        column.put("label", label);
        return column;
    }

    /** Tasks offered to the role at any body ({@code clerk-RPR}, {@code clerk-KRB}, ...), claimed or not. */
    private TaskQuery offeredTo(String role) {
        return tasks.createTaskQuery().taskCandidateGroupLike(role + "-%").includeAssignedTasks();
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
            properties.put("variables", ROW_VARIABLES);
            filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
            filters.saveFilter(filter);
        } else if (!filter.getProperties().containsKey("variables")) {
            // A filter made before the rows named their request: give it the columns once; later edits are kept.
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
            properties.put("variables", ROW_VARIABLES);
            filters.saveFilter(filter.setProperties(properties));
        }
        if (!groups.isEmpty()) {
            readers.put(filter.getId(), groups);
            authorizations.grant(Roles.SUPERVISOR, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        return filter;
    }
}
