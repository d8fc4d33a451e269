package org.mitan.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.mitan.catalogue.Names;
import org.mitan.process.ProcessVariables;
import org.mitan.web.Roles;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role sees on the left of Tasklist (Tasklist shows no task without a filter), named and
 * described in English and Hindi ("Clerk's tasks (लिपिक के कार्य)"; the description is the tooltip on the name).
 * Created once; an administrator's later edits in Tasklist are kept, a new name or description included.
 * <p>
 * Each filter is found again by its id, which the application keeps in the engine's own properties under a stable key
 * ({@code mitan.filter.my-tasks}, {@code mitan.filter.role-clerk}): not in the filter's properties, which Tasklist's
 * filter dialog writes anew from its own fields, dropping any other, on every save. A filter not recorded yet (made
 * by an earlier version, which found its filters by name) is found by its name, the bilingual one or the English one
 * the earlier version gave it, and renamed in place: its id, grants, query and an administrator's edits stay. A
 * description the application wrote (the English one of an earlier version; a role filter's, whose steps follow the
 * deployed types) is written anew in the same way.
 */
@Component
class TasklistFilters {

    /** Where a filter's id is kept: {@code mitan.filter.<key>}, in the engine's properties (names up to 64). */
    static final String RECORDED = "mitan.filter.";
    private static final int PROPERTY_NAME_LENGTH = 64;

    /**
     * Hindi names of the roles the shipped types name, for their filters' names. A role not here (a new department's,
     * from a type's steps table) keeps its English name: "Sub engineer's tasks".
     */
    static final Map<String, String> ROLE_NAMES_HI = Map.of(
            Roles.CLERK, "लिपिक",
            Roles.REGISTRAR, "रजिस्ट्रार",
            Roles.REVENUE_INSPECTOR, "राजस्व निरीक्षक",
            Roles.TEHSILDAR, "तहसीलदार",
            Roles.MUNICIPAL_COMMISSIONER, "नगर निगम आयुक्त",
            Roles.MARRIAGE_REGISTRAR, "विवाह पंजीयक",
            Roles.LABOUR_OFFICER, "श्रम अधिकारी");

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
    private final Map<String, Readers> readers = new LinkedHashMap<>();

    private final FilterService filters;
    private final TaskService tasks;
    private final ManagementService management;
    private final RolesAndAuthorizations authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, ManagementService management,
            RolesAndAuthorizations authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.management = management;
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
        authorizations.grantEveryone(Resources.FILTER, ensure(Named.of("my-tasks", "My tasks", "मेरे कार्य")
                .described("Tasks assigned to me", "मुझे सौंपे गए कार्य"), -10, "#1f77b4",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), List.of()).getId(),
                Permissions.READ);
        authorizations.grantEveryone(Resources.FILTER, ensure(Named.of("my-groups-tasks", "My groups' tasks",
                "मेरे समूहों के कार्य").described("Unclaimed tasks offered to my groups",
                        "मेरे समूहों के वे कार्य जिन्हें अभी किसी ने नहीं लिया"), -5, "#2ca02c",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"), List.of())
                .getId(), Permissions.READ);
        ensure(Named.of("mitan-work", "Mitan visits and deliveries", "मितान की भेंट और प्रमाण पत्र वितरण")
                .described("Work assigned to Mitans", "मितानों को सौंपा गया काम"), 5, "#17becf",
                tasks.createTaskQuery().taskDefinitionKeyIn(MITAN_TASKS), List.of(Roles.SUPERVISOR));
        ensure(Named.of("needs-supervisor", "Needs a supervisor", "पर्यवेक्षक की ज़रूरत")
                .described("Requests no Mitan could be assigned to", "आवेदन जिनके लिए कोई मितान नियुक्त नहीं हो सका"),
                5, "#d62728", offeredTo(Roles.SUPERVISOR), List.of(Roles.SUPERVISOR));
        ensure(Named.of("overdue", "Overdue", "समय-सीमा पार")
                .described("Tasks past their due date", "जिन कार्यों की अंतिम तिथि निकल चुकी है"), 10, "#8c564b",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), List.of(Roles.SUPERVISOR));
    }

    /**
     * One filter per role the deployed types name (clerk, registrar, a new department's officer), described by the
     * steps the types give it, each in English and Hindi from the steps tables; read by that role at every body and
     * by the supervisors. Kept by key, like the others.
     */
    void applyRoles(Map<String, List<Names>> stepsByRole) {
        stepsByRole.forEach((role, steps) -> {
            if (Roles.SUPERVISOR.equals(role) || Roles.MITAN.equals(role)) {
                return;
            }
            String hindi = ROLE_NAMES_HI.get(role);
            String english = roleLead(role, null);
            String both = roleLead(role, hindi);
            ensure(Named.of("role-" + role, RolesAndAuthorizations.title(role) + "'s tasks",
                    hindi == null ? null : hindi + " के कार्य").describedAs(
                            text -> text.startsWith(english) || text.startsWith(both),
                            both + steps.stream().map(step -> TaskRows.inBothLanguages(step.en(), step.hi()))
                                    .collect(Collectors.joining(", "))), 0, "#ff7f0e",
                    offeredTo(role), List.of(role, Roles.SUPERVISOR));
        });
    }

    /**
     * How a role filter's description starts, before its steps: "Requests waiting for the clerk of your urban body: ",
     * as earlier versions wrote it in English, then with the role's Hindi name when known, "Requests waiting for the
     * clerk of your urban body (आपके नगरीय निकाय के लिपिक के पास लंबित आवेदन): ". A description that starts so is the
     * application's: it gets the role's steps as the deployed types name them now.
     */
    private static String roleLead(String role, String roleHi) {
        return "Requests waiting for the " + role.replace('-', ' ') + " of your urban body"
                + (roleHi == null ? "" : " (आपके नगरीय निकाय के " + roleHi + " के पास लंबित आवेदन)") + ": ";
    }

    /** Lets the staff groups of a body read the filters of their role. */
    void applyBody(String bodyCode) {
        readers.values().forEach(read -> read.roles().forEach(role -> authorizations.grant(
                Roles.ofBody(role, bodyCode), Resources.FILTER, read.filterId(), Permissions.READ)));
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

    /**
     * The filter of that key: the one recorded, else the one of its name or of the name an earlier version gave it,
     * else a new one. A filter that still has the earlier version's name gets the new one; any other name is an
     * administrator's, and kept. So is the description: one the application wrote gets the one of now, one an
     * administrator wrote stays. Saved only when something changes, so a second start changes nothing.
     */
    private Filter ensure(Named named, int priority, String color, TaskQuery query, List<String> groups) {
        Filter filter = recorded(named.key()).or(() -> withName(named.name()))
                .or(() -> withName(named.formerName())).orElse(null);
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", named.description());
            properties.put("priority", priority);
            properties.put("color", color);
            properties.put("refresh", true);
            properties.put("variables", ROW_VARIABLES);
            filter = filters.newTaskFilter(named.name()).setQuery(query).setProperties(properties);
            filters.saveFilter(filter);
        } else {
            boolean changed = false;
            if (named.formerName().equals(filter.getName()) && !named.name().equals(filter.getName())) {
                filter.setName(named.name());
                changed = true;
            }
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
            if (properties.get("description") instanceof String description && named.ours().test(description)) {
                // a description the application wrote (in English by an earlier version); an administrator's stays
                properties.put("description", named.description());
            }
            if (!properties.containsKey("variables")) {
                // A filter made before the rows named their request: give it the columns once; later edits are kept.
                properties.put("variables", ROW_VARIABLES);
            }
            if (!properties.equals(filter.getProperties())) {
                filter.setProperties(properties);
                changed = true;
            }
            if (changed) {
                filters.saveFilter(filter);
            }
        }
        record(named.key(), filter.getId());
        if (!groups.isEmpty()) {
            readers.put(named.key(), new Readers(filter.getId(), groups));
            authorizations.grant(Roles.SUPERVISOR, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        return filter;
    }

    private Optional<Filter> recorded(String key) {
        String id = management.getProperties().get(RECORDED + key);
        return id == null ? Optional.empty() : Optional.ofNullable(filters.createFilterQuery().filterId(id)
                .singleResult());
    }

    /** The first task filter of that name by id, if any (an administrator may have made a second one). */
    private Optional<Filter> withName(String name) {
        return filters.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(name).orderByFilterId()
                .asc().list().stream().findFirst();
    }

    private void record(String key, String filterId) {
        String property = RECORDED + key;
        if (property.length() <= PROPERTY_NAME_LENGTH
                && !Objects.equals(filterId, management.getProperties().get(property))) {
            management.setProperty(property, filterId);
        }
    }

    /** The filter of a key as last found, and the roles that read it at every body. */
    private record Readers(String filterId, List<String> roles) {
    }

    /**
     * A filter's stable key, the English name earlier versions gave it and its name now, which descriptions are the
     * application's (earlier versions wrote them in English) and its description now: English, then the Hindi in
     * brackets, or English alone when there is no Hindi.
     */
    record Named(String key, String formerName, String name, Predicate<String> ours, String description) {

        static Named of(String key, String english, String hindi) {
            return new Named(key, english, inBothLanguages(english, hindi), text -> false, null);
        }

        Named described(String english, String hindi) {
            return describedAs(english::equals, inBothLanguages(english, hindi));
        }

        Named describedAs(Predicate<String> application, String now) {
            return new Named(key, formerName, name, application, now);
        }

        private static String inBothLanguages(String english, String hindi) {
            return hindi == null ? english : english + " (" + hindi + ")";
        }
    }
}
