package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The officer's return path, in a real browser: the clerk finds a scan of a birth request unusable and sends the
 * request back ("Return to the Mitan", ticking the document to take again and saying what must be fixed); the Mitan,
 * back at the door, finds that document marked returned on the field page and in the visit, with the clerk's words,
 * cannot report it collected, finds the citizen still without it and says so (a milestone of its own); the next day
 * the Mitan collects it, uploads it from the tablet (the API, as the tablet does) and reports the visit; the
 * particulars stand as recorded; the clerk sees which scan is new and which it replaced, accepts, and the registrar
 * approves; an auditor reads both milestones in Cockpit's Request history. Each person works as themselves.
 * Screenshots in {@code target/return-path-screenshots/}.
 */
@MitanIntegrationTest
class ReturnToTheMitanBrowserIT {

    private static final String MITAN = "mitan.raipur";
    private static final String CLERK = "clerk.raipur";
    private static final String REGISTRAR = "registrar.raipur";
    private static final String VISIT = "Task_VisitCitizen";
    private static final String SCRUTINY = "Task_ScrutiniseDocuments";
    private static final String WHAT_TO_FIX = "The parent's ID card is cut off at the edge; scan the whole card again.";
    private static final String PARENT_ID = "Identity proof of a parent";
    private static final String NOT_HOME_YET = "The card is with the father at work; back tomorrow.";

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

        String firstId = scansOf(number, "parent-id").get(0).path("id").asText();

        // The clerk sends it back, ticking the document to take again among the type's and saying what must be
        // fixed (both show only once "Return" is picked).
        tasklist.logIn(CLERK);
        Task scrutiny = tasklist.openTask("Clerk's tasks", SCRUTINY, number, "Request " + number);
        tasklist.claimIfNeeded(scrutiny, CLERK);
        assertThat(driver.findElements(By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with("
                + "normalize-space(), \"" + PARENT_ID + "\")]"))).as("shown once Return is picked").isEmpty();
        tasklist.choose("Return to the Mitan");
        browser.waiting().until(page -> checklistOptions().size() >= 3);
        // the scans the request has, and every other document of the type, to be taken for the first time
        String notScanned = " (not scanned yet / अभी स्कैन नहीं)";
        assertThat(checklistOptions().stream().filter(option -> !option.endsWith(notScanned)))
                .containsExactly("Birth report from the hospital or the informant / अस्पताल या सूचक की जन्म रिपोर्ट",
                        PARENT_ID + " / माता या पिता का पहचान पत्र", "Proof of address / पते का प्रमाण");
        tasklist.choose(PARENT_ID);
        tasklist.write("What must be fixed", WHAT_TO_FIX);
        browser.screenshot("clerk-returns");
        tasklist.complete(scrutiny);
        runDueJobs(number);
        assertThat(templatesSent(requestId)).contains("DOCUMENTS_RETURNED");
        assertThat(smsOf(requestId, "DOCUMENTS_RETURNED").getBody()).contains(WHAT_TO_FIX);

        // The documents API says the returned ID is not met until a new scan of it is in, and marks the scan returned.
        JsonNode returned = steps.as(MITAN).getForEntity("/api/requests/" + number + "/documents", JsonNode.class)
                .getBody();
        JsonNode idLine = lineOf(returned, "parent-id");
        assertThat(idLine.path("returned").asBoolean()).isTrue();
        assertThat(idLine.path("met").asBoolean()).isFalse();
        assertThat(lineOf(returned, "birth-report").path("met").asBoolean()).as("not returned").isTrue();
        assertThat(scansOf(number, "parent-id")).extracting(scan -> scan.path("state").asText())
                .containsExactly("returned");
        // The very file the clerk returned is not taken for a new scan.
        steps.upload(MITAN, number, "parent-id", "id.png", Scans.image("png"), HttpStatus.UNPROCESSABLE_ENTITY);

        // The Mitan's field page marks it returned, to take again (Hindi first, then English), and will not report
        // the visit "collected" while it has no new scan.
        tasklist.logOut();
        tasklist.logIn(MITAN);
        driver.get("http://localhost:" + port + "/field/");
        WebDriverWait wait = browser.waiting();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article[data-request='" + number
                + "'] button.main"))).click();
        By idTag = By.xpath("//div[@data-doc='parent-id']/parent::div/span[contains(@class,'tag')]");
        wait.until(ExpectedConditions.textToBe(idTag, "↺ लौटाया गया — फिर से लें"));
        assertThat(driver.findElement(By.cssSelector("[data-doc='parent-id']")).getAttribute("data-returned"))
                .isEqualTo("true");
        assertThat(driver.findElement(By.xpath("//div[@data-doc='birth-report']/parent::div/span")).getText())
                .isEqualTo("✓ पूरा");
        assertThat(driver.findElement(By.id("revisit-returned")).getText()).contains(WHAT_TO_FIX);
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBe(idTag, "↺ Returned — take again"));
        driver.findElement(By.cssSelector("input[name=visitOutcome][value=collected]")).click();
        driver.findElement(By.cssSelector("#outcome button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#outcome p[role=alert]"),
                "The office returned these; send a new photo of each first: " + PARENT_ID));
        browser.screenshot("field-page-returned");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(VISIT).count())
                .as("still open").isEqualTo(1);

        // The Mitan's new visit in Tasklist says the same and what the clerk wants fixed; the citizen does not have
        // the card at hand yet.
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        Task firstVisit = tasklist.openTask("My tasks", VISIT, number, "Whom to visit");
        assertThat(textArea("Returned by the clerk")).isEqualTo(WHAT_TO_FIX);
        assertThat(tasklist.formText()).contains(PARENT_ID + " / माता या पिता का पहचान पत्र (required): returned by"
                + " the office: take it again");
        tasklist.choose("Documents missing");
        tasklist.write("Remarks", NOT_HOME_YET);
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
        assertThat(scansOf(number, "parent-id")).extracting(scan -> scan.path("id").asText(),
                scan -> scan.path("state").asText()).containsExactly(tuple(firstId, "replaced"), tuple(rescan, "new"));
        assertThat(lineOf(steps.as(MITAN).getForEntity("/api/requests/" + number + "/documents", JsonNode.class)
                .getBody(), "parent-id").path("met").asBoolean()).isTrue();
        driver.navigate().refresh();
        Task secondVisit = tasklist.openTask("My tasks", VISIT, number, "Visit 2 of");
        assertThat(textArea("Returned by the clerk")).isEqualTo(WHAT_TO_FIX);
        assertThat(tasklist.formText()).doesNotContain("take it again");
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
        // ... and tells it apart from the scan it replaced, which is kept.
        assertThat(scanLine(rescan)).endsWith("— New: taken after the return (नया)");
        assertThat(scanLine(firstId)).endsWith("— Replaced: returned, and a new scan was taken (बदला गया)");
        assertThat(tasklist.formText()).contains("Returned to the Mitan on ");
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
        JsonNode back = milestone(status, "DOCUMENTS_RETURNED");
        assertThat(back.path("actor").asText()).isEqualTo(CLERK);
        assertThat(back.path("detail").asText()).isEqualTo("To take again: " + PARENT_ID + " / माता या पिता का पहचान"
                + " पत्र. " + WHAT_TO_FIX);
        // ... and that the visit found the document missing, who said so and in what words.
        assertThat(status.path("milestones").findValuesAsText("milestone"))
                .containsSubsequence("DOCUMENTS_RETURNED", "DOCUMENTS_MISSING", "DOCUMENT_UPLOADED",
                        "DOCUMENTS_VERIFIED");
        JsonNode missing = milestone(status, "DOCUMENTS_MISSING");
        assertThat(missing.path("actor").asText()).isEqualTo(MITAN);
        assertThat(missing.path("detail").asText()).isEqualTo(NOT_HOME_YET);
        steps.singleTask(MITAN, "Task_DeliverCertificate", number);

        // Cockpit's Request history names the new milestone, in English here and in Hindi in its words.
        tasklist.logOut();
        driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='Username']")))
                .sendKeys("auditor");
        driver.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".Header"), "Request history"));
        driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/request-history?request=" + number);
        By milestones = By.xpath("//section[.//h1[starts-with(normalize-space(), 'Milestones')]]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(milestones, "Documents missing at the visit"));
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(milestones));
        browser.screenshot("request-history-milestones");
        assertThat(driver.findElement(milestones).getText()).contains(NOT_HOME_YET, "Documents returned",
                "To take again: " + PARENT_ID);
        assertThat(driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import(arguments[0]).then(m => done(m.NAMES.milestone.DOCUMENTS_MISSING), e => done(String(e)));
                """, "/camunda/app/cockpit/request-history/messages.js"))
                .isEqualTo(Map.of("en", "Documents missing at the visit", "hi", "भेंट में दस्तावेज़ अधूरे मिले"));
    }

    /** The request's scans of a type, as the documents API lists them, oldest first. */
    private List<JsonNode> scansOf(String number, String type) {
        JsonNode checklist = steps.as(MITAN).getForEntity("/api/requests/" + number + "/documents", JsonNode.class)
                .getBody();
        return StreamSupport.stream(checklist.path("uploaded").spliterator(), false)
                .filter(scan -> type.equals(scan.path("documentType").asText())).toList();
    }

    /** The checklist's line of a document type. */
    private static JsonNode lineOf(JsonNode checklist, String type) {
        return StreamSupport.stream(checklist.path("requirements").spliterator(), false)
                .filter(line -> StreamSupport.stream(line.path("alternatives").spliterator(), false)
                        .anyMatch(alternative -> type.equals(alternative.path("documentType").asText())))
                .findFirst().orElseThrow();
    }

    private static JsonNode milestone(JsonNode status, String name) {
        return StreamSupport.stream(status.path("milestones").spliterator(), false)
                .filter(milestone -> name.equals(milestone.path("milestone").asText())).findFirst().orElseThrow();
    }

    /** The labels of the options of the form's checklist, as shown. */
    private List<String> checklistOptions() {
        return driver.findElements(By.xpath("//div[contains(@class,'fjs-form-field-checklist')]//label[.//input]"))
                .stream().map(label -> label.getText().strip()).toList();
    }

    /** The line of the request summary that links the scan. */
    private String scanLine(String scanId) {
        return driver.findElement(By.xpath("//div[contains(@class,'fjs-container')]//li[a[contains(@href, '"
                + scanId + "')]]")).getText().strip();
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
