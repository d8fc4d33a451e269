package org.mitan.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.mitan.MitanIntegrationTest;
import org.mitan.catalogue.Catalogue;
import org.mitan.catalogue.Names;
import org.mitan.municipality.UrbanBody;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.web.Roles;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasklist filters are named and described in English and Hindi, and an installation that has the filters an
 * earlier version made (English names and descriptions, found by name, with their grants) gets the new names and
 * descriptions on the same filters: same ids, same grants, no second filter; an administrator's own name and
 * description are kept, also after they were changed in Tasklist's dialog; a second start changes nothing.
 */
@MitanIntegrationTest
class TasklistFiltersIT {

    /** The English names the earlier version gave, and the names now, of the filters the shipped types bring. */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("My tasks", "My tasks (मेरे कार्य)"),
            Map.entry("My groups' tasks", "My groups' tasks (मेरे समूहों के कार्य)"),
            Map.entry("Mitan visits and deliveries",
                    "Mitan visits and deliveries (मितान की भेंट और प्रमाण पत्र वितरण)"),
            Map.entry("Needs a supervisor", "Needs a supervisor (पर्यवेक्षक की ज़रूरत)"),
            Map.entry("Overdue", "Overdue (समय-सीमा पार)"),
            Map.entry("Clerk's tasks", "Clerk's tasks (लिपिक के कार्य)"),
            Map.entry("Registrar's tasks", "Registrar's tasks (रजिस्ट्रार के कार्य)"),
            Map.entry("Revenue inspector's tasks", "Revenue inspector's tasks (राजस्व निरीक्षक के कार्य)"),
            Map.entry("Tehsildar's tasks", "Tehsildar's tasks (तहसीलदार के कार्य)"),
            Map.entry("Municipal commissioner's tasks", "Municipal commissioner's tasks (नगर निगम आयुक्त के कार्य)"),
            Map.entry("Marriage registrar's tasks", "Marriage registrar's tasks (विवाह पंजीयक के कार्य)"),
            Map.entry("Labour officer's tasks", "Labour officer's tasks (श्रम अधिकारी के कार्य)"));

    /** The descriptions the earlier version gave the filters every installation has, and the descriptions now. */
    private static final Map<String, String> DESCRIBED = Map.of(
            "My tasks", "Tasks assigned to me (मुझे सौंपे गए कार्य)",
            "My groups' tasks",
            "Unclaimed tasks offered to my groups (मेरे समूहों के वे कार्य जिन्हें अभी किसी ने नहीं लिया)",
            "Mitan visits and deliveries", "Work assigned to Mitans (मितानों को सौंपा गया काम)",
            "Overdue", "Tasks past their due date (जिन कार्यों की अंतिम तिथि निकल चुकी है)");

    @Autowired
    EngineSetup setup;
    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    Catalogue catalogue;
    @Autowired
    UrbanBodyRepository bodies;

    @Test
    void theFiltersOfTheEarlierVersionAreRenamedInPlaceAndASecondStartChangesNothing() {
        forgetTheFiltersMade();
        Map<String, String> earlier = earlierVersionMakesItsFilters();
        // In the earlier version an administrator renamed "Overdue"; its next start made "Overdue" again.
        Filter renamedByHand = filters.getFilter(earlier.get("Overdue")).setName("Late work (देर से)");
        filters.saveFilter(renamedByHand);
        earlier.put("Overdue", made("Overdue", "Tasks past their due date", 10, "#8c564b",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), List.of(Roles.SUPERVISOR)).getId());
        // An administrator described "Needs a supervisor" in their own words.
        Filter describedByHand = filters.getFilter(earlier.get("Needs a supervisor"));
        Map<String, Object> ownWords = new LinkedHashMap<>(describedByHand.getProperties());
        ownWords.put("description", "Call the supervisor (पर्यवेक्षक को फ़ोन करें)");
        filters.saveFilter(describedByHand.setProperties(ownWords));
        Set<String> grantsBefore = grants();
        long filtersBefore = filters.createFilterQuery().count();

        setup.apply();

        RENAMED.forEach((former, now) -> {
            assertThat(filters.getFilter(earlier.get(former)).getName()).as(former).isEqualTo(now);
            assertThat(filters.createFilterQuery().filterName(now).count()).as(now).isEqualTo(1);
            assertThat(filters.createFilterQuery().filterName(former).count()).as(former).isZero();
        });
        assertThat(filters.getFilter(renamedByHand.getId()).getName()).isEqualTo("Late work (देर से)");
        DESCRIBED.forEach((filter, now) -> assertThat(description(earlier.get(filter))).as(filter).isEqualTo(now));
        assertThat(description(earlier.get("Needs a supervisor"))).as("an administrator's description")
                .isEqualTo("Call the supervisor (पर्यवेक्षक को फ़ोन करें)");
        // Each role's filter lists the role's steps now (the clerk's had one step when it was made), in both languages.
        assertThat(description(earlier.get("Clerk's tasks"))).startsWith("Requests waiting for the clerk of your urban"
                + " body (आपके नगरीय निकाय के लिपिक के पास लंबित आवेदन): ")
                .contains("Scrutinise the documents (दस्तावेज़ों की जाँच करें)",
                        "Enter the paper certificate's entry (कागज़ी प्रमाण पत्र की प्रविष्टि दर्ज करें)");
        catalogue.stepsByRole().forEach((role, steps) -> {
            String name = RolesAndAuthorizations.title(role) + "'s tasks";
            if (earlier.containsKey(name)) {
                // a role the application has no Hindi name for (a new department's) is named in English
                String hindi = TasklistFilters.ROLE_NAMES_HI.get(role);
                assertThat(description(earlier.get(name))).as(name).startsWith("Requests waiting for the "
                        + role.replace('-', ' ') + " of your urban body"
                        + (hindi == null ? "" : " (आपके नगरीय निकाय के " + hindi + " के पास लंबित आवेदन)") + ": ")
                        .contains(steps.stream().map(step -> step.en() + " (" + step.hi() + ")").toList());
            }
        });
        assertThat(filters.createFilterQuery().count()).as("no filter made twice").isEqualTo(filtersBefore);
        assertThat(grants()).as("the grants on the filters' ids").isEqualTo(grantsBefore);

        Map<String, String> afterFirstStart = state();
        setup.apply();
        assertThat(state()).isEqualTo(afterFirstStart);
        filters.deleteFilter(renamedByHand.getId());
    }

    /**
     * Tasklist's filter dialog saves only the properties it shows, so nothing the application puts into a filter's
     * properties survives an edit there: the filter is found again by the id the application keeps.
     */
    @Test
    void aNameGivenInTasklistIsKeptAndTheFilterIsNotMadeAgain() {
        setup.apply();
        String clerks = "Clerk's tasks (लिपिक के कार्य)";
        Filter filter = filters.createFilterQuery().filterName(clerks).singleResult();
        Map<String, Object> before = filter.getProperties();
        long filtersBefore = filters.createFilterQuery().count();
        try {
            Map<String, Object> edited = asTasklistsDialogSavesThem(filter.getProperties());
            edited.put("description", "Scrutiny in Raipur (रायपुर में जाँच)");
            filters.saveFilter(filter.setName("Raipur clerks (रायपुर के लिपिक)").setProperties(edited));

            setup.apply();

            assertThat(filters.getFilter(filter.getId()).getName()).isEqualTo("Raipur clerks (रायपुर के लिपिक)");
            assertThat(description(filter.getId())).isEqualTo("Scrutiny in Raipur (रायपुर में जाँच)");
            assertThat(filters.createFilterQuery().filterName(clerks).count()).isZero();
            assertThat(filters.createFilterQuery().count()).isEqualTo(filtersBefore);
        } finally {
            filters.saveFilter(filters.getFilter(filter.getId()).setName(clerks).setProperties(before));
        }
    }

    private String description(String filterId) {
        return (String) filters.getFilter(filterId).getProperties().get("description");
    }

    /** The properties Tasklist's filter dialog sends when it saves a filter, and no others. */
    private static Map<String, Object> asTasklistsDialogSavesThem(Map<String, Object> properties) {
        Map<String, Object> saved = new LinkedHashMap<>();
        for (String key : List.of("description", "priority", "color", "refresh", "variables")) {
            saved.put(key, properties.get(key));
        }
        saved.put("showUndefinedVariable", false);
        return saved;
    }

    /** Removes the filters this version made and what it recorded of them, as if it had never started. */
    private void forgetTheFiltersMade() {
        management.getProperties().forEach((name, id) -> {
            if (name.startsWith(TasklistFilters.RECORDED)) {
                if (filters.getFilter(id) != null) {
                    filters.deleteFilter(id);
                }
                management.deleteProperty(name);
            }
        });
    }

    /**
     * The filters as the earlier version made them on a start: found by name, made with the English name, its
     * properties and grants (everyone reads the two personal ones; the supervisors and each role at every body read
     * theirs). Gives their ids by name.
     */
    private Map<String, String> earlierVersionMakesItsFilters() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("My tasks", made("My tasks", "Tasks assigned to me", -10, "#1f77b4",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), List.of()).getId());
        ids.put("My groups' tasks", made("My groups' tasks", "Unclaimed tasks offered to my groups", -5, "#2ca02c",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"), List.of()).getId());
        ids.values().forEach(id -> grant(Authorization.AUTH_TYPE_GLOBAL, Authorization.ANY, id));
        ids.put("Mitan visits and deliveries", made("Mitan visits and deliveries", "Work assigned to Mitans", 5,
                "#17becf", tasks.createTaskQuery().taskDefinitionKeyIn("Task_VisitCitizen", "Task_RecordParticulars",
                        "Task_DeliverCertificate"), List.of(Roles.SUPERVISOR)).getId());
        ids.put("Needs a supervisor", made("Needs a supervisor", "Requests no Mitan could be assigned to", 5,
                "#d62728", offeredTo(Roles.SUPERVISOR), List.of(Roles.SUPERVISOR)).getId());
        ids.put("Overdue", made("Overdue", "Tasks past their due date", 10, "#8c564b",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), List.of(Roles.SUPERVISOR)).getId());
        catalogue.stepsByRole().forEach((role, steps) -> {
            if (!Roles.SUPERVISOR.equals(role) && !Roles.MITAN.equals(role)) {
                String name = RolesAndAuthorizations.title(role) + "'s tasks";
                // the steps the role had when the filter was made: the clerk's first, scrutiny
                List<String> then = Roles.CLERK.equals(role) ? List.of("Scrutinise the documents")
                        : steps.stream().map(Names::en).toList();
                ids.put(name, made(name, "Requests waiting for the " + role.replace('-', ' ')
                        + " of your urban body: " + String.join(", ", then), 0, "#ff7f0e", offeredTo(role),
                        List.of(role, Roles.SUPERVISOR)).getId());
            }
        });
        return ids;
    }

    private TaskQuery offeredTo(String role) {
        return tasks.createTaskQuery().taskCandidateGroupLike(role + "-%").includeAssignedTasks();
    }

    private Filter made(String name, String description, int priority, String color, TaskQuery query,
            List<String> readers) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("variables", TasklistFilters.ROW_VARIABLES);
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
        filters.saveFilter(filter);
        if (!readers.isEmpty()) {
            grant(Authorization.AUTH_TYPE_GRANT, Roles.SUPERVISOR, filter.getId());
            for (UrbanBody body : bodies.findAll()) {
                readers.forEach(role -> grant(Authorization.AUTH_TYPE_GRANT, Roles.ofBody(role, body.getCode()),
                        filter.getId()));
            }
        }
        return filter;
    }

    private void grant(int type, String group, String filterId) {
        Authorization grant = authorizations.createNewAuthorization(type);
        if (type == Authorization.AUTH_TYPE_GLOBAL) {
            grant.setUserId(Authorization.ANY);
        } else {
            grant.setGroupId(group);
        }
        grant.setResource(Resources.FILTER);
        grant.setResourceId(filterId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }

    /** Every grant on a filter: its id, whom, which filter and what. */
    private Set<String> grants() {
        return authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).list().stream()
                .map(grant -> grant.getId() + " " + grant.getUserId() + " " + grant.getGroupId() + " "
                        + grant.getResourceId() + " " + Arrays.toString(grant.getPermissions(Permissions.values())))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The filters (id, name, properties), their grants, and the ids the application keeps. */
    private Map<String, String> state() {
        Map<String, String> state = new TreeMap<>();
        filters.createFilterQuery().list().forEach(filter -> state.put("filter " + filter.getId(),
                filter.getName() + " " + filter.getProperties() + " " + filter.getOwner()));
        state.put("grants", String.join("\n", grants()));
        management.getProperties().forEach((name, value) -> {
            if (name.startsWith(TasklistFilters.RECORDED)) {
                state.put(name, value);
            }
        });
        return state;
    }
}
