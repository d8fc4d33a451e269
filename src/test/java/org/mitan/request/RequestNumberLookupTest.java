package org.mitan.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitan.sms.OutboxTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finding a request on the real table: the steps of a model ask for their request by number several times in one
 * transaction, and that costs one read of the row, not one query each; registration asks for the citizen's open
 * request with a plan Hibernate keeps (issue 11).
 */
@OutboxTestDatabase
class RequestNumberLookupTest {

    @Autowired
    private ServiceRequestRepository requests;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager entityManager;

    private Statistics statistics;

    @BeforeEach
    void countStatements() {
        statistics = entityManager.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
    }

    @AfterEach
    void removeTheRequests() {
        statistics.setStatisticsEnabled(false);
        jdbc.update("delete from service_request where request_number like 'RPR-2026-8%'");
    }

    @Test
    void aRequestAskedForAgainInOneTransactionIsNotReadAgain() {
        requests.save(request("RPR-2026-800001"));
        requests.save(request("RPR-2026-800002"));
        statistics.clear();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            ServiceRequest first = requests.findByRequestNumber("RPR-2026-800001").orElseThrow();
            for (int i = 0; i < 5; i++) {
                assertThat(requests.findByRequestNumber("RPR-2026-800001")).containsSame(first);
            }
            assertThat(requests.findByRequestNumber("RPR-2026-800002").orElseThrow().getRequestNumber())
                    .isEqualTo("RPR-2026-800002");
        });

        assertThat(statistics.getPrepareStatementCount()).as("one read per request").isEqualTo(2);
    }

    @Test
    void aLaterTransactionReadsTheRowByIdAndSeesItsChanges() {
        ServiceRequest saved = requests.save(request("RPR-2026-800003"));
        assertThat(requests.findByRequestNumber("RPR-2026-800003")).isPresent();
        jdbc.update("update service_request set citizen_name = 'Kamla Bai Sahu' where id = ?", saved.getId());
        statistics.clear();

        ServiceRequest again = requests.findByRequestNumber("RPR-2026-800003").orElseThrow();

        assertThat(again.getCitizenName()).isEqualTo("Kamla Bai Sahu");
        assertThat(statistics.getQueryExecutionCount()).as("read by id, not by a query on the number").isZero();
        assertThat(statistics.getEntityLoadCount()).isEqualTo(1);
    }

    @Test
    void aRegistrationRolledBackLeavesItsNumberUnknown() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            requests.save(request("RPR-2026-800004"));
            assertThat(requests.findByRequestNumber("RPR-2026-800004")).isPresent();
            status.setRollbackOnly();
        });

        assertThat(requests.findByRequestNumber("RPR-2026-800004")).isEmpty();
        assertThat(requests.findByRequestNumber("RPR-2026-899999")).isEmpty();
        assertThat(requests.findByRequestNumber(null)).isEmpty();
    }

    /**
     * The one-open-request rule asks at every registration: the open request of a phone and type, never a final one,
     * by a query whose plan Hibernate keeps (a list of statuses as parameter made it translate the query each time).
     */
    @Test
    void theOpenRequestOfAPhoneAndTypeIsFoundWithAPlanHibernateKeeps() {
        String phone = "9876580010";
        for (RequestStatus status : RequestStatus.FINAL) {
            ServiceRequest finished = request("RPR-2026-8100" + status.ordinal(), phone);
            finished.moveTo(status, Instant.now());
            requests.save(finished);
        }
        assertThat(requests.findOpen(phone, "birth-certificate")).isEmpty();
        ServiceRequest open = request("RPR-2026-810099", phone);
        open.moveTo(RequestStatus.UNDER_SCRUTINY, Instant.now());
        requests.save(open);
        statistics.clear();

        for (int i = 0; i < 3; i++) {
            assertThat(requests.findOpen(phone, "birth-certificate")).get().extracting(ServiceRequest::getRequestNumber)
                    .isEqualTo("RPR-2026-810099");
        }
        assertThat(requests.findOpen(phone, "caste-certificate")).isEmpty();
        assertThat(requests.findOpen("9876580011", "birth-certificate")).isEmpty();

        // Each call finds the parsed query and its SQL plan in Hibernate's cache, two hits; with a list of statuses
        // as parameter only the parsed query was found (one hit a call) and the plan was made again.
        assertThat(statistics.getQueryPlanCacheMissCount()).isZero();
        assertThat(statistics.getQueryPlanCacheHitCount()).as("plans kept").isEqualTo(2 * 5);
    }

    private static ServiceRequest request(String number) {
        return request(number, "98765" + number.substring(10));
    }

    private static ServiceRequest request(String number, String phone) {
        return new ServiceRequest(number, "birth-certificate", "RPR", 12, "Kamla Sahu", phone,
                "House 3, Tatibandh, Raipur", VisitWindow.MORNING, "hi", "fb" + number.substring(9), Instant.now());
    }
}
