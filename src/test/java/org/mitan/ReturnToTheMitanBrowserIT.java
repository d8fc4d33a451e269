package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsMessage;
import org.mitan.sms.SmsMessageRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The officer's return path, in a real browser: the clerk finds a scan of a birth request unusable and sends the
 * request back ("Return to the Mitan", with what must be fixed); the Mitan, back at the door, reads the clerk's words
 * in the visit, finds the citizen still without the document and says so; the next day the Mitan collects it, uploads
 * it from the tablet (the API, as the tablet does) and reports the visit; the particulars stand as recorded; the clerk
 * accepts and the registrar approves. Each person works in Tasklist as themselves. Screenshots in
 * {@code target/return-path-screenshots/}.
 */
@MitanIntegrationTest
class ReturnToTheMitanBrowserIT {

    private static final String MITAN = "mitan.raipur";
    private static final String CLERK = "clerk.raipur";
    private static final String REGISTRAR = "registrar.raipur";
    private static final String VISIT = "Task_VisitCitizen";
    private static final String SCRUTINY = "Task_ScrutiniseDocuments";
    private static final String WHAT_TO_FIX = "The parent's ID card is cut off at the edge; scan the whole card again.";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    SmsMessageRepository outbox;
    @Autowired
    ServiceRequestRepository requests;

    @RegisterExtension
    final BrowserSession session = new BrowserSession(
            () -> HeadlessChromium.start(Path.of("target", "return-path-screenshots")));
    JourneySteps steps;
    HeadlessChromium browser;
    ChromeDriver driver;
    TasklistPage tasklist;

    @BeforeEach
    void startBrowser() {
        steps = new JourneySteps(http, json, runtime, management);
        browser = session.browser();
        driver = browser.driver();
        tasklist = new TasklistPage(browser, port, tasks, identity);
    }

    @Test
    void theClerkReturnsTheRequestTheMitanFixesItAndTheRegistrarApproves() throws Exception {
        String number = steps.birthRequestAtScrutiny(
                "97" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
        Long requestId = requests.findByRequestNumber(number).orElseThrow().getId();

        // The clerk sends it back, saying what must be fixed (the field shows only once "Return" is picked).
        tasklist.logIn(CLERK);
        Task scrutiny = tasklist.openTask("Clerk's tasks", SCRUTINY, number, "Request " + number);
        tasklist.claimIfNeeded(scrutiny, CLERK);
        tasklist.choose("Return to the Mitan");
        tasklist.write("What must be fixed", WHAT_TO_FIX);
        browser.screenshot("clerk-returns");
        tasklist.complete(scrutiny);
        runDueJobs(number);
        assertThat(templatesSent(requestId)).contains("DOCUMENTS_RETURNED");
        assertThat(smsOf(requestId, "DOCUMENTS_RETURNED").getBody()).contains(WHAT_TO_FIX);

        // The Mitan's new visit says what the clerk wants fixed; the citizen does not have the card at hand yet.
        tasklist.logOut();
        tasklist.logIn(MITAN);
        Task firstVisit = tasklist.openTask("My tasks", VISIT, number, "Whom to visit");
        assertThat(textArea("Returned by the clerk")).isEqualTo(WHAT_TO_FIX);
        tasklist.choose("Documents missing");
        tasklist.write("Remarks", "The card is with the father at work; back tomorrow.");
        browser.screenshot("mitan-documents-missing");
        tasklist.complete(firstVisit);
        assertThat(templatesSent(requestId)).contains("DOCUMENTS_MISSING");

        // The next day: the Mitan scans the whole card, uploads it from the tablet and reports the visit.
        List<Job> nextDay = management.createJobQuery().processInstanceId(firstVisit.getProcessInstanceId())
                .timers().list();
        assertThat(nextDay).hasSize(1);
        management.executeJob(nextDay.get(0).getId());
        String rescan = steps.upload(MITAN, number, "parent-id", "id-whole.jpg", Scans.image("jpeg"),
                HttpStatus.CREATED).path("id").asText();
        driver.navigate().refresh();
        Task secondVisit = tasklist.openTask("My tasks", VISIT, number, "Visit 2 of");
        assertThat(textArea("Returned by the clerk")).isEqualTo(WHAT_TO_FIX);
        tasklist.choose("Documents collected and uploaded");
        tasklist.complete(secondVisit);
        runDueJobs(number);

        // The particulars were recorded before the return: the Mitan finds them in the form and completes it.
        Task particulars = tasklist.openTask("My tasks", "Task_RecordParticulars", number, "Birth particulars");
        assertThat(inputValue("Child's name")).isEqualTo("Aarav Sahu");
        tasklist.complete(particulars);

        // The clerk sees the new scan and accepts; the filing runs; the registrar approves.
        tasklist.logOut();
        tasklist.logIn(CLERK);
        Task again = tasklist.openTask("Clerk's tasks", SCRUTINY, number, "Request " + number);
        tasklist.claimIfNeeded(again, CLERK);
        assertThat(driver.findElements(By.cssSelector(".fjs-container a[href*='" + rescan + "']"))).hasSize(1);
        tasklist.choose("Accept");
        browser.screenshot("clerk-accepts-after-return");
        tasklist.complete(again);
        runDueJobs(number);

        tasklist.logOut();
        tasklist.logIn(REGISTRAR);
        Task decision = tasklist.openTask("Registrar's tasks", "Task_DecideApplication", number, "Request " + number);
        tasklist.claimIfNeeded(decision, REGISTRAR);
        tasklist.choose("Approve");
        tasklist.complete(decision);
        runDueJobs(number);

        // The request's record says it went back, who sent it and why, between the two scrutinies.
        JsonNode status = steps.as("callcentre").getForEntity("/api/requests/" + number, JsonNode.class).getBody();
        assertThat(status.path("milestones").findValuesAsText("milestone"))
                .containsSubsequence("UNDER_SCRUTINY", "DOCUMENTS_RETURNED", "MITAN_ASSIGNED", "DOCUMENTS_VERIFIED",
                        "UNDER_SCRUTINY", "APPROVED", "CERTIFICATE_ISSUED");
        JsonNode returned = StreamSupport.stream(status.path("milestones").spliterator(), false)
                .filter(milestone -> "DOCUMENTS_RETURNED".equals(milestone.path("milestone").asText()))
                .findFirst().orElseThrow();
        assertThat(returned.path("actor").asText()).isEqualTo(CLERK);
        assertThat(returned.path("detail").asText()).isEqualTo(WHAT_TO_FIX);
        steps.singleTask(MITAN, "Task_DeliverCertificate", number);
    }

    /** Runs the jobs due in the request's processes, if any (the job executor is off in tests). */
    private void runDueJobs(String number) {
        steps.dueJobs(number).forEach(job -> management.executeJob(job.getId()));
    }

    private List<String> templatesSent(Long requestId) {
        return outbox.findByRequestIdOrderByIdAsc(requestId).stream().map(SmsMessage::getTemplate).toList();
    }

    private SmsMessage smsOf(Long requestId, String template) {
        return outbox.findByRequestIdOrderByIdAsc(requestId).stream()
                .filter(sms -> sms.getTemplate().equals(template)).reduce((first, second) -> second).orElseThrow();
    }

    /** The value of the form's text area labelled with the words given (its text is not the page's text). */
    private String textArea(String label) {
        return fieldAfter(label, "textarea");
    }

    private String inputValue(String label) {
        return fieldAfter(label, "input");
    }

    private String fieldAfter(String label, String tag) {
        return driver.findElement(By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with("
                + "normalize-space(), \"" + label + "\")]/following::" + tag + "[1]")).getAttribute("value");
    }
}
