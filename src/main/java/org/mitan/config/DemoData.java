package org.mitan.config;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.mitan.mitan.Mitan;
import org.mitan.mitan.MitanRepository;
import org.mitan.municipality.UrbanBodyRepository;
import org.mitan.web.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users (one per role in Raipur, and a clerk, registrar, supervisor and Mitan in Korba; password
 * {@value #PASSWORD}), demo Mitans in Raipur and Korba and the supervisors' phone numbers. Only in the {@code dev} profile: production has no default password.
 */
@Component
@Profile("dev")
class DemoData {

    static final String PASSWORD = "demo";
    private static final String RAIPUR = "RPR";
    private static final String KORBA = "KRB";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("callcentre", "Kavita", "Nag", Roles.CALL_CENTRE),
            new DemoUser("mitan.raipur", "Ramesh", "Sahu", Roles.ofBody(Roles.MITAN, RAIPUR)),
            new DemoUser("mitan.raipur2", "Sunita", "Verma", Roles.ofBody(Roles.MITAN, RAIPUR)),
            new DemoUser("mitan.korba", "Anil", "Kanwar", Roles.ofBody(Roles.MITAN, KORBA)),
            new DemoUser("clerk.raipur", "Meena", "Dewangan", Roles.ofBody(Roles.CLERK, RAIPUR)),
            new DemoUser("registrar.raipur", "Arvind", "Tiwari", Roles.ofBody(Roles.REGISTRAR, RAIPUR)),
            new DemoUser("inspector.raipur", "Santosh", "Netam", Roles.ofBody(Roles.REVENUE_INSPECTOR, RAIPUR)),
            new DemoUser("tehsildar.raipur", "Rekha", "Patel", Roles.ofBody(Roles.TEHSILDAR, RAIPUR)),
            new DemoUser("commissioner.raipur", "Sanjay", "Dhruw", Roles.ofBody(Roles.MUNICIPAL_COMMISSIONER, RAIPUR)),
            new DemoUser("marriage.registrar.raipur", "Usha", "Markam",
                    Roles.ofBody(Roles.MARRIAGE_REGISTRAR, RAIPUR)),
            new DemoUser("labour.officer.raipur", "Deepak", "Sonwani", Roles.ofBody(Roles.LABOUR_OFFICER, RAIPUR)),
            new DemoUser("supervisor.raipur", "Pooja", "Sinha", Roles.ofBody(Roles.SUPERVISOR, RAIPUR)),
            new DemoUser("clerk.korba", "Lata", "Rathia", Roles.ofBody(Roles.CLERK, KORBA)),
            new DemoUser("registrar.korba", "Vikas", "Patel", Roles.ofBody(Roles.REGISTRAR, KORBA)),
            new DemoUser("supervisor.korba", "Manoj", "Kaushik", Roles.ofBody(Roles.SUPERVISOR, KORBA)),
            new DemoUser("auditor", "Rajesh", "Chandrakar", Roles.AUDITOR),
            new DemoUser("analyst", "Neha", "Agrawal", Roles.ANALYST),
            new DemoUser("admin", "Mitan", "Administrator", Roles.ADMIN));

    private final IdentityService identity;
    private final MitanRepository mitans;
    private final UrbanBodyRepository bodies;

    DemoData(IdentityService identity, MitanRepository mitans, UrbanBodyRepository bodies) {
        this.identity = identity;
        this.mitans = mitans;
        this.bodies = bodies;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void seed() {
        for (DemoUser demo : USERS) {
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@mitan.example");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
            }
            if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
                identity.createMembership(demo.id(), demo.group());
            }
        }
        ensureMitan(RAIPUR, "Ramesh Sahu", "9876500001", "mitan.raipur", wards(1, 35));
        ensureMitan(RAIPUR, "Sunita Verma", "9876500002", "mitan.raipur2", wards(36, 70));
        ensureMitan(KORBA, "Anil Kanwar", "9876500003", "mitan.korba", wards(1, 67));
        bodies.findById(RAIPUR).ifPresent(body -> {
            if (body.getSupervisorPhone() == null) {
                body.setSupervisorPhone("9876500099");
                bodies.save(body);
            }
        });
        LOG.info("Demo users ready (password '{}'): {}", PASSWORD,
                USERS.stream().map(DemoUser::id).collect(Collectors.joining(", ")));
    }

    private void ensureMitan(String body, String name, String phone, String userId, Set<Integer> wards) {
        if (mitans.findByUserId(userId).isEmpty()) {
            mitans.save(new Mitan(body, name, phone, userId, wards));
        }
    }

    private static Set<Integer> wards(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toSet());
    }
}
