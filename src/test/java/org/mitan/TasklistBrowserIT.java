package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mitan.config.FormListFieldsIT;
import org.mitan.numbering.StateCalendar;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsMessageRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An officer's work in a real browser: Debian's chromium, headless, on Tasklist as the officers see it. The call
 * centre registers a request and the Mitan does the visit through the APIs (as the tablet would, real scans
 * uploaded); then the clerk logs into Tasklist, opens the scrutiny task of this request from the filter, sees the
 * document links in the form, opens them with the Tasklist session, claims and accepts; the deciding officer logs
 * in and approves. The engine must show both officers' work and the process waiting to issue the certificate.
 * Screenshots of every step land in {@code target/browser-screenshots/}.
 * <p>
 * Written for the caste certificate (Revenue department: the Revenue Inspector's field inquiry comes between the
 * clerk's scrutiny and the Tehsildar's decision); another type changes the constants below,
 * {@link #doorstepVisit} (its documents and particulars) and {@link #betweenScrutinyAndDecision}. A second test works
 * the step of a department the first types did not have (the marriage registrar's hearing).
 */
@MitanIntegrationTest
class TasklistBrowserIT {

    private static final String TYPE = "caste-certificate";
    private static final String MITAN = "mitan.raipur";
    private static final String CLERK = "clerk.raipur";
    private static final String SCRUTINY_FILTER = "Clerk's tasks (लिपिक के कार्य)";
    private static final String SCRUTINY_CHOICE = "Accept";
    private static final String INSPECTOR = "inspector.raipur";
    private static final String DECIDER = "tehsildar.raipur";
    private static final String DECISION_FILTER = "Tehsildar's tasks (तहसीलदार के कार्य)";
    private static final String DECISION_CHOICE = "Approve";
    private static final String MARRIAGE_REGISTRAR = "marriage.registrar.raipur";
    private static final String MY_TASKS = "My tasks (मेरे कार्य)";

    private static final String SCRUTINY = "Task_ScrutiniseDocuments";
    private static final String DECISION = "Task_DecideApplication";
    private static final String ISSUE = "Task_IssueCertificate";
    private static final String TASKLIST = "/camunda/app/tasklist/default/";
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    /** Fetches a URL in the page with the page's own session; answers the status, type, length and SHA-256. */
    private static final String FETCH_IN_PAGE = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {credentials: 'same-origin'})
              .then(async response => {
                const body = await response.arrayBuffer();
                const digest = await crypto.subtle.digest('SHA-256', body);
                done({status: response.status, type: response.headers.get('Content-Type'),
                      length: body.byteLength,
                      sha256: Array.from(new Uint8Array(digest), b => b.toString(16).padStart(2, '0')).join('')});
              })
              .catch(error => done({error: String(error)}));
            """;

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
    RepositoryService repository;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    SmsMessageRepository outbox;
    @Autowired
    ServiceRequestRepository serviceRequests;

    JourneySteps steps;
    @RegisterExtension
    final BrowserSession session = new BrowserSession(() -> HeadlessChromium.start(SCREENSHOTS));
    HeadlessChromium browser;
    ChromeDriver driver;
    WebDriverWait wait;
    TasklistPage tasklist;

    @BeforeEach
    void startBrowser() throws Exception {
        steps = new JourneySteps(http, json, runtime, management);
        browser = session.browser();
        driver = browser.driver();
        wait = browser.waiting();
        tasklist = new TasklistPage(browser, port, tasks, identity);
    }

    @Test
    void theClerkAcceptsAndTheDecidingOfficerApprovesInTasklist() throws Exception {
        String number = steps.register(Map.of(
                "certificateType", TYPE, "bodyCode", "RPR", "ward", 9,
                "citizenName", "Radha Dhruw", "citizenPhone", "+91 98765 33333",
                "address", "House 21, Tatibandh, Raipur", "preferredVisitWindow", "MORNING", "language", "en"));
        Map<String, byte[]> scans = doorstepVisit(number);

        // The clerk finds the request under "Clerk's tasks" and opens it.
        logIn(CLERK);
        Task scrutiny = openTask(SCRUTINY_FILTER, SCRUTINY, number);

        // Tasklist keeps the form of an unclaimed task disabled, links included: the clerk claims it first.
        tasklist.claimIfNeeded(scrutiny, CLERK);

        // Every scan is linked in the form, and each link gives the scan itself with the Tasklist session.
        List<WebElement> links = wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector(".fjs-container a[href*='/api/documents/']"), scans.size()));
        Map<String, String> hrefs = new LinkedHashMap<>();
        links.forEach(link -> hrefs.put(link.getAttribute("href"), link.getText()));
        browser.screenshot("clerk-scrutiny-form");
        assertThat(hrefs.keySet()).containsExactlyInAnyOrderElementsOf(scans.keySet().stream()
                .map(id -> "http://localhost:" + port + "/api/documents/" + id + "/content").toList());
        for (Map.Entry<String, byte[]> scan : scans.entrySet()) {
            String path = "/api/documents/" + scan.getKey() + "/content";
            Map<?, ?> fetched = fetchInPage(path);
            assertThat(fetched.get("error")).as("fetch of %s", path).isNull();
            assertThat(fetched.get("status")).as("status of %s", path).isEqualTo(200L);
            assertThat(hrefs.get("http://localhost:" + port + path)).as("the link names the type served")
                    .contains(String.valueOf(fetched.get("type")));
            assertThat(fetched.get("length")).isEqualTo((long) scan.getValue().length);
            assertThat(fetched.get("sha256")).isEqualTo(Scans.sha256(scan.getValue()));
        }
        // The clerk picks the outcome, looks at a scan once more (in a new tab), and finds the pick still there.
        tasklist.choose(SCRUTINY_CHOICE);
        viewScanLikeAnOfficer("image/png");
        assertThat(driver.findElement(By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with("
                + "normalize-space(), \"" + SCRUTINY_CHOICE + "\")]//input")).isSelected()).as("the pick kept")
                .isTrue();
        browser.screenshot("clerk-accepts");
        tasklist.complete(scrutiny);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(scrutiny.getId()).singleResult().getAssignee())
                .isEqualTo(CLERK);
        assertThat(runtime.getVariable(scrutiny.getProcessInstanceId(), "scrutinyOutcome")).isEqualTo("accepted");

        betweenScrutinyAndDecision(number);

        // The deciding officer approves.
        tasklist.logOut();
        logIn(DECIDER);
        Task decision = openTask(DECISION_FILTER, DECISION, number);
        tasklist.claimIfNeeded(decision, DECIDER);
        // Before deciding, the officer notes why, and finds the note and the claim in the task's history.
        commentAndSeeItInTheHistory(decision, DECIDER, "Caste verified in the 1950 revenue record; approving.",
                "Claim");
        tasklist.choose(DECISION_CHOICE);
        browser.screenshot("decision-approved");
        tasklist.complete(decision);

        // The engine shows the officer's decision, and the process waiting to issue the certificate.
        HistoricTaskInstance decided = history.createHistoricTaskInstanceQuery().taskId(decision.getId())
                .singleResult();
        assertThat(decided.getAssignee()).isEqualTo(DECIDER);
        assertThat(decided.getEndTime()).isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(decision.getProcessInstanceId())
                .variableName("decision").singleResult().getValue()).isEqualTo("approved");
        String certificateProcess = history.createHistoricProcessInstanceQuery()
                .processInstanceId(decision.getProcessInstanceId()).singleResult().getRootProcessInstanceId();
        List<Job> issue = management.createJobQuery().processInstanceId(certificateProcess)
                .activityId(ISSUE).list();
        assertThat(issue).hasSize(1);
        management.executeJob(issue.get(0).getId());
        // Issued, and on its way to the citizen's door.
        JsonNode status = steps.as("callcentre").getForEntity("/api/requests/" + number, JsonNode.class).getBody();
        assertThat(status.path("milestones").toString()).contains("CERTIFICATE_ISSUED");
        steps.singleTask(MITAN, "Task_DeliverCertificate", number);

        // At the door, a wrong OTP: refused in the Mitan's words, Hindi and English, with the attempts left, no ids.
        tasklist.logOut();
        logIn(MITAN);
        Task delivery = openTask(MY_TASKS, "Task_DeliverCertificate", number);
        assertThat(driver.findElement(By.cssSelector(".fjs-container")).getText())
                .contains("Whom to visit", "Radha Dhruw", "House 21, Tatibandh, Raipur");
        String otp = JourneySteps.latestOtp(outbox, serviceRequests.findByRequestNumber(number).orElseThrow().getId());
        WebElement otpField = driver.findElement(By.xpath(
                "//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), 'OTP from the citizen')]"
                + "/following::input[1]"));
        otpField.sendKeys(otp.equals("000000") ? "111111" : "000000");
        tasklist.click(By.xpath("//button[normalize-space()='Complete']"));
        By refusal = By.xpath("//*[contains(@class,'alert')][contains(., 'The OTP does not match')]");
        String shown = wait.until(ExpectedConditions.visibilityOfElementLocated(refusal)).getText();
        browser.screenshot("wrong-otp-in-words");
        assertThat(shown).contains("2 attempt(s) left", "ओटीपी मेल नहीं खाता", "2 प्रयास बाकी")
                .doesNotContain(delivery.getId()).doesNotContain("Cannot submit task form");
        assertThat(tasks.createTaskQuery().taskId(delivery.getId()).count()).as("the delivery stays open").isOne();
        // The Mitan notes what happened at the door, in Hindi, on the task's record.
        commentAndSeeItInTheHistory(delivery, MITAN, "नागरिक ने गलत ओटीपी बताया, दोबारा एसएमएस भेजने को कहा।", null);
    }

    /**
     * An officer step of a department the first two types did not have: the marriage registrar hears both parties in
     * Tasklist, from the filter the role's data made, in a form of the type's own. The call centre, the Mitan and the
     * clerk work through the APIs (as in {@link MarriageCertificateJourneyIT}).
     */
    @Test
    void theMarriageRegistrarHearsBothPartiesInTasklist() throws Exception {
        String number = steps.registerOffered(MarriageCertificateJourneyIT.MARRIAGE,
                "Marriage registration certificate", "Ravi Sahu", "+91 94252 10080", "House 21, Shankar Nagar, Raipur");
        MarriageCertificateJourneyIT.collectTheDocuments(steps, number,
                steps.singleTask(MITAN, "Task_VisitCitizen", number));
        LocalDate married = LocalDate.now(StateCalendar.ZONE).minusDays(10);
        steps.submit(MITAN, steps.singleTask(MITAN, "Task_RecordParticulars", number),
                MarriageCertificateJourneyIT.particulars(married, married.minusYears(23)));
        steps.submit(CLERK, steps.claim(CLERK, SCRUTINY, number), Map.of("scrutinyOutcome", "accepted"));
        steps.runJobs(number);

        logIn(MARRIAGE_REGISTRAR);
        Task hearing = openTask("Marriage registrar's tasks (विवाह पंजीयक के कार्य)", "Task_HearBothParties", number);
        assertThat(tasks.getIdentityLinksForTask(hearing.getId())).extracting(link -> link.getGroupId())
                .containsExactly("marriage-registrar-RPR");
        tasklist.claimIfNeeded(hearing, MARRIAGE_REGISTRAR);
        tasklist.choose("Both appeared in the office");
        driver.findElement(By.cssSelector(".fjs-container textarea"))
                .sendKeys("Both parties and both witnesses appeared with their originals");
        browser.screenshot("marriage-registrar-hearing");
        tasklist.complete(hearing);

        HistoricTaskInstance heard = history.createHistoricTaskInstanceQuery().taskId(hearing.getId()).singleResult();
        assertThat(heard.getAssignee()).isEqualTo(MARRIAGE_REGISTRAR);
        assertThat(runtime.getVariable(hearing.getProcessInstanceId(), "hearingFinding")).isEqualTo("appearedInOffice");
        // The model goes on to the registrar's decision, in the same department.
        assertThat(JourneySteps.candidateGroups(tasks, steps.singleTask(MARRIAGE_REGISTRAR, DECISION, number)))
                .containsExactly("marriage-registrar-RPR");
    }

    /**
     * A body's supervisor gives a Mitan's visit to another Mitan of the body in Tasklist, as the README says: from the
     * filter "Mitan visits and deliveries", by typing the other Mitan's user into the task's assignee. Tasklist takes
     * only a user it can find, so the supervisor reads the users of the body's groups (not those of other bodies),
     * also those who join a group later, and sees them by name. "Add groups", which only an administrator may use,
     * is not offered.
     */
    @Test
    void theSupervisorGivesAVisitToAnotherMitanInTasklist() {
        String number = registerInWard9("Savitri Markam", "+91 98765 77701", "House 30, Tatibandh, Raipur", "hi");
        steps.singleTask(MITAN, "Task_VisitCitizen", number);

        logIn("supervisor.raipur");
        Task visit = tasklist.openTask("Mitan visits and deliveries (मितान की भेंट और प्रमाण पत्र वितरण)",
                "Task_VisitCitizen", number, "Whom to visit");
        // Tasklist's "Add groups" is not offered: only an administrator changes to whom a task is offered.
        browser.waiting().withMessage("Tasklist's \"Add groups\" hidden from a supervisor").until(page ->
                page.findElements(By.cssSelector("li.groups")).stream().noneMatch(WebElement::isDisplayed));
        By assignee = By.cssSelector("li.assignee");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(assignee, tasklist.displayName(MITAN)));
        tasklist.click(By.cssSelector("li.assignee .view-value"));
        WebElement typed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.assignee input")));
        typed.sendKeys(Keys.chord(Keys.CONTROL, "a"), "mitan.raipur2");
        wait.until(page -> !page.findElement(By.cssSelector("li.assignee > span")).getAttribute("class")
                .matches(".*\\b(validating|has-error)\\b.*"));
        browser.screenshot("supervisor-types-another-mitan");
        typed.sendKeys(Keys.ENTER);
        wait.until(page -> "mitan.raipur2".equals(tasks.createTaskQuery().taskId(visit.getId()).singleResult()
                .getAssignee()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(assignee, tasklist.displayName("mitan.raipur2")));
        browser.screenshot("visit-given-to-another-mitan");

        // Only the body's own supervisors read its staff, and a user who joins a group later counts at once.
        assertThat(steps.as("supervisor.korba").getForEntity("/engine-rest/user?id=mitan.raipur2", JsonNode.class)
                .getBody()).as("a Korba supervisor reads no Raipur user").isEmpty();
        User newClerk = identity.newUser("clerk.raipur" + Math.floorMod(System.nanoTime(), 10_000L));
        newClerk.setFirstName("Lata");
        newClerk.setLastName("Sori");
        identity.saveUser(newClerk);
        try {
            identity.createMembership(newClerk.getId(), "clerk-RPR");
            assertThat(steps.as("supervisor.raipur").getForEntity("/engine-rest/user?id=" + newClerk.getId(),
                    JsonNode.class).getBody()).as("a Raipur clerk who joined now").hasSize(1);
            assertThat(steps.as("supervisor.korba").getForEntity("/engine-rest/user?id=" + newClerk.getId(),
                    JsonNode.class).getBody()).isEmpty();
        } finally {
            identity.deleteUser(newClerk.getId());
        }
    }

    /**
     * Dates in a Tasklist form are read strictly, in the order the field shows: a date that is not on the calendar is
     * refused beside the field and kept as typed (the date picker alone would count 31/31 on into another date), and a
     * particular after today or before 1800 is refused there too; Complete does nothing until they are mended. Then
     * the Mitan completes the particulars and is told which task of which request was done.
     */
    @Test
    void theMitansTypedDatesAreReadStrictlyAndCompletingSaysWhatWasDone() throws Exception {
        String number = steps.registerOffered(MarriageCertificateJourneyIT.MARRIAGE,
                "Marriage registration certificate", "Ravi Sahu", "+91 94252 10081", "House 22, Shankar Nagar, Raipur");
        MarriageCertificateJourneyIT.collectTheDocuments(steps, number,
                steps.singleTask(MITAN, "Task_VisitCitizen", number));
        LocalDate today = LocalDate.now(StateCalendar.ZONE);
        LocalDate married = today.minusDays(10);
        Map<String, Object> particulars = MarriageCertificateJourneyIT.particulars(married, married.minusYears(23));
        particulars.remove("particular_dateOfMarriage");
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_RecordParticulars").singleResult();
        // What the Mitan has typed already (Tasklist fills the form from the request's variables); the date is left.
        runtime.setVariables(task.getProcessInstanceId(), particulars);

        logIn(MITAN);
        tasklist.openTask(MY_TASKS, "Task_RecordParticulars", number, "Date of marriage");
        By dateInput = By.cssSelector(
                ".fjs-container .fjs-datepicker input[id$='Field_particular_dateOfMarriage-date']");
        By refusal = By.cssSelector(".fjs-form-field:has(input[id$='Field_particular_dateOfMarriage-date'])"
                + " .mitan-field-refusal");
        WebElement date = wait.until(ExpectedConditions.visibilityOfElementLocated(dateInput));
        String order = date.getAttribute("placeholder");

        date.sendKeys("31/31/" + today.getYear());
        leave(date);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(refusal, "is not a date on the calendar"));
        browser.screenshot("date-not-on-the-calendar");
        assertThat(driver.findElement(dateInput).getAttribute("value")).as("kept as typed")
                .isEqualTo("31/31/" + today.getYear());
        assertThat(driver.findElement(refusal).getText()).contains("Type it as " + order.toUpperCase(),
                "कैलेंडर की तिथि नहीं है");
        pressCompleteAndSeeItRefused(task);

        retype(dateInput, typedDate(today.plusDays(1), order));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(refusal, "cannot be after today"));
        browser.screenshot("date-after-today");
        assertThat(driver.findElement(refusal).getText()).contains("आज (");
        pressCompleteAndSeeItRefused(task);

        // A year slipped (1799 for 1999): before 1 January 1800, as the server refuses it.
        String slipped = typedDate(LocalDate.of(1799, 12, 31), order);
        retype(dateInput, slipped);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(refusal, "cannot be before "
                + typedDate(LocalDate.of(1800, 1, 1), order) + ". Check the year."));
        browser.screenshot("date-before-1800");
        assertThat(driver.findElement(refusal).getText()).contains("से पहले की तिथि नहीं हो सकती; वर्ष जाँचें");
        assertThat(driver.findElement(dateInput).getAttribute("value")).as("kept as typed").isEqualTo(slipped);
        pressCompleteAndSeeItRefused(task);

        // The server takes 1850, Camunda Forms' date picker does not (its calendar starts in 1900): said so, not
        // "not a date on the calendar".
        retype(dateInput, typedDate(LocalDate.of(1850, 3, 15), order));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(refusal, "the first day this form's calendar"));
        pressCompleteAndSeeItRefused(task);

        retype(dateInput, typedDate(married, order));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(refusal));
        tasklist.complete(task);
        assertThat(serviceRequests.findByRequestNumber(number).orElseThrow().getParticulars())
                .containsEntry("dateOfMarriage", married.toString());
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mitan-task-completed")));
        browser.screenshot("task-completed-notice");
        assertThat(done.getText()).contains("Done: Record the marriage particulars", number, "It is saved.",
                "पूरा हुआ: Record the marriage particulars");
    }

    /** The date in the order the field shows it, e.g. dd/mm/yyyy. */
    private static String typedDate(LocalDate date, String order) {
        String separator = order.replaceAll("[a-zA-Z]", "").substring(0, 1);
        List<String> parts = List.of(order.toLowerCase().split("[^a-z]+"));
        return String.join(separator, parts.stream().map(part -> switch (part.charAt(0)) {
            case 'd' -> String.format("%02d", date.getDayOfMonth());
            case 'm' -> String.format("%02d", date.getMonthValue());
            default -> String.valueOf(date.getYear());
        }).toList());
    }

    private void retype(By input, String text) {
        WebElement field = driver.findElement(input);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
        leave(field);
    }

    /** Leaves a date field as a person does with the keyboard: the calendar closed, then on to the next field. */
    private static void leave(WebElement date) {
        date.sendKeys(Keys.ESCAPE);
        date.sendKeys(Keys.TAB);
    }

    /**
     * Complete, while a refusal stands, sends nothing: it is disabled (form-js holds no date for a date it could not
     * read), or pressing it leaves the task open; the refusal stays.
     */
    private void pressCompleteAndSeeItRefused(Task task) throws InterruptedException {
        By complete = By.xpath("//button[normalize-space()='Complete']");
        if (driver.findElement(complete).isEnabled()) {
            tasklist.click(complete);
            Thread.sleep(1500);
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);
        assertThat(driver.findElements(By.cssSelector(".mitan-field-refusal"))).isNotEmpty();
    }

    /**
     * The Mitan's visit through the APIs, as the tablet does it: real scans uploaded, the visit reported, the
     * verification job run, the particulars recorded. Gives the scans by document id.
     */
    private Map<String, byte[]> doorstepVisit(String number) throws Exception {
        JsonNode visit = steps.singleTask(MITAN, "Task_VisitCitizen", number);
        Map<String, byte[]> scans = new LinkedHashMap<>();
        byte[] declaration = Scans.pdf("Gram sabha declaration, ward 9, Tatibandh: Radha Dhruw, Gond (ST)");
        byte[] applicantId = Scans.image("jpeg");
        byte[] residenceProof = Scans.image("png");
        scans.put(steps.upload(MITAN, number, "community-declaration", "declaration.pdf", declaration,
                HttpStatus.CREATED).path("id").asText(), declaration);
        scans.put(steps.upload(MITAN, number, "applicant-id", "aadhaar.jpg", applicantId, HttpStatus.CREATED)
                .path("id").asText(), applicantId);
        scans.put(steps.upload(MITAN, number, "residence-proof", "ration-card.png", residenceProof,
                HttpStatus.CREATED).path("id").asText(), residenceProof);
        steps.submit(MITAN, visit, Map.of("visitOutcome", "collected", "visitRemarks", "Originals seen"));
        steps.runJobs(number);
        steps.submit(MITAN, steps.singleTask(MITAN, "Task_RecordParticulars", number), Map.of(
                "particular_applicantName", "Radha Dhruw", "particular_fatherName", "Manoj Dhruw",
                "particular_caste", "Gond", "particular_category", "ST",
                "particular_evidence", "Declaration of the ward or gram sabha"));
        return scans;
    }

    /**
     * A Mitan's busy list: two visits of the same name, each row naming its request (number, masked citizen, ward,
     * type); the request-number box above the list finds one of them; its task says whom to visit, in full, and the
     * task's history keeps the line naming the request.
     */
    @Test
    void everyRowNamesItsRequestAndTheVisitSaysWhomToVisit() {
        String first = registerInWard9("Radha Dhruw", "+91 98765 55555", "House 21, Tatibandh, Raipur", "en");
        String second = registerInWard9("Kamla Sahu", "+91 98765 66666", "House 7, Tatibandh, Raipur", "hi");

        logIn(MITAN);
        tasklist.click(By.xpath("//*[contains(@class,'task-filter')]/h4/a[normalize-space(text()[1])=\"" + MY_TASKS
                + "\"]"));
        By rows = By.cssSelector("li.task");
        wait.until(page -> rowTexts(rows).stream().anyMatch(row -> row.contains(first))
                && rowTexts(rows).stream().anyMatch(row -> row.contains(second)));
        String firstRow = rowTexts(rows).stream().filter(row -> row.contains(first)).findFirst().orElseThrow();
        browser.screenshot("rows-name-their-request");
        assertThat(firstRow).contains("Visit the citizen (नागरिक के घर जाएं)", "R**** D****", "caste certificate", "9")
                .doesNotContain("Radha");

        // One search away: the number typed into the box above the list, then Enter.
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".mitan-request-search input")));
        box.sendKeys(first, Keys.ENTER);
        wait.until(page -> {
            List<String> shown = rowTexts(rows);
            return !shown.isEmpty() && shown.stream().allMatch(row -> row.contains(first));
        });
        browser.screenshot("search-by-request-number");
        assertThat(driver.getCurrentUrl()).contains("searchQuery");

        // The visit says whom to visit.
        Task visit = tasks.createTaskQuery().processInstanceBusinessKey(first).taskDefinitionKey("Task_VisitCitizen")
                .singleResult();
        tasklist.click(By.cssSelector("li.task h4.task a[href*='task=" + visit.getId() + "']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
                "Whom to visit"));
        String form = driver.findElement(By.cssSelector(".fjs-container")).getText();
        browser.screenshot("visit-says-whom-to-visit");
        assertThat(form).contains("Radha Dhruw", "House 21, Tatibandh, Raipur", "ward (वार्ड) 9",
                "9876555555", first);
        HistoricTaskInstance visited = history.createHistoricTaskInstanceQuery().taskId(visit.getId()).singleResult();
        assertThat(visited.getDescription())
                .isEqualTo(first + " · R**** D**** · ward (वार्ड) 9 · Caste certificate (जाति प्रमाण पत्र)");
        assertThat(visited.getName()).as("named in both languages as it was made")
                .isEqualTo("Visit the citizen (नागरिक के घर जाएं)");
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(visit.getId())
                .variableName("whomToVisit").count()).as("whom to visit stays out of history").isZero();
    }

    /** A request of this test's type registered through the API, in ward 9 of Raipur; gives its number. */
    private String registerInWard9(String citizen, String phone, String address, String language) {
        return steps.register(Map.of("certificateType", TYPE, "bodyCode", "RPR", "ward", 9, "citizenName", citizen,
                "citizenPhone", phone, "address", address, "preferredVisitWindow", "EVENING", "language", language));
    }

    private List<String> rowTexts(By rows) {
        try {
            return driver.findElements(rows).stream().map(WebElement::getText).toList();
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    /**
     * What happens between the clerk's acceptance and the decision: the filing job, then the Revenue Inspector's
     * field inquiry (through the REST API here; its form is the same kind of Tasklist form as the others).
     */
    private void betweenScrutinyAndDecision(String number) {
        steps.runJobs(number);
        steps.submit(INSPECTOR, steps.singleTask(INSPECTOR, "Task_FieldInquiry", number), Map.of(
                "inquiryFinding", "supported", "inquiryRemarks", "Neighbours and the ward member confirm"));
    }

    /**
     * The call-centre agent registers from Tasklist's start form and is shown the request number the registration
     * gave (the started instance's business key), in English and Hindi, with what happens next for the citizen.
     */
    @Test
    void theCallCentreAgentRegistersInTasklistAndSeesTheRequestNumber() {
        String phone = "98" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
        tasklist.click(bodyOffered("Raipur"));
        // Raipur has 70 wards: 120 is refused beside the field, in the agent's words, before anything is sent.
        typeInto("ward", "120");
        tasklist.click(By.cssSelector(".modal .fjs-container [id$='Field_citizenName']"));
        By wardRefusal = By.cssSelector(".modal .fjs-form-field:has([id$='Field_ward']) .mitan-field-refusal");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(wardRefusal,
                "Raipur has wards 1 to 70. Ask the citizen for the ward number again."));
        assertThat(driver.findElement(wardRefusal).getText()).contains("रायपुर में वार्ड 1 से 70 तक हैं");
        browser.screenshot("start-form-wrong-ward");
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("ward", "12");
        typed.put("citizenName", "Sunita Verma");
        typed.put("citizenPhone", phone);
        typed.put("address", "House 14, Gandhi Chowk, Raipur");
        typed.forEach(this::typeInto);
        tasklist.choose("Morning");
        tasklist.choose("Hindi");
        // form-js may redraw a field from its state while the next one is typed: type again what did not hold.
        wait.until(page -> {
            typed.forEach(this::typeInto);
            return driver.findElements(By.cssSelector(".modal .fjs-form-field-error li")).isEmpty();
        });
        wait.until(ExpectedConditions.invisibilityOfElementLocated(wardRefusal));
        browser.screenshot("start-form-filled");
        tasklist.click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='Start']"));

        WebElement number = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#mitan-registered-number .mitan-request-number")));
        browser.screenshot("registered-number-shown");
        String registered = runtime.createProcessInstanceQuery().processDefinitionKey(TYPE)
                .variableValueEquals("requestNumber", number.getText()).singleResult().getBusinessKey();
        assertThat(number.getText()).as("the number shown is the started request's").isEqualTo(registered)
                .matches("RPR-\\d{4}-\\d{6}");
        String notice = driver.findElement(By.id("mitan-registered-number")).getText();
        assertThat(notice).contains("Request registered: " + registered).contains("SMS")
                .contains("आवेदन दर्ज हुआ: " + registered);
        tasklist.click(By.cssSelector("#mitan-registered-number button.close"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("mitan-registered-number")));
    }

    /**
     * A body the administrator adds is offered in the start form at once, labelled in English and Hindi; the form
     * itself is not changed (the application sets the active bodies in it as Tasklist fetches it).
     */
    @Test
    void aBodyAddedThroughTheApiIsOfferedInTheStartForm() {
        String code = "BT" + Math.floorMod(System.nanoTime(), 10_000L);
        ResponseEntity<JsonNode> added = steps.as("admin").postForEntity("/api/bodies", Map.of("code", code,
                "nameEn", "Bhatapara " + code, "nameHi", "भाटापारा", "district", "Balodabazar",
                "kind", "MUNICIPAL_COUNCIL", "wards", 30), JsonNode.class);
        assertThat(added.getStatusCode()).as("%s", added.getBody()).isEqualTo(HttpStatus.CREATED);
        WebElement offered = wait.until(ExpectedConditions.visibilityOfElementLocated(bodyOffered("Bhatapara")));
        assertThat(offered.getText()).isEqualTo("Bhatapara " + code + " (भाटापारा)");
        browser.screenshot("start-form-new-body");
    }

    /**
     * A checklist and a tag list, as an analyst may put in a form of a type's own step, are filled in and completed in
     * Tasklist, which sends them as JSON lists; the step after reads them as lists.
     */
    @Test
    void aChecklistAndATagListAreFilledInAndCompletedInTasklist() throws Exception {
        String deployment = FormListFieldsIT.deployProbe(repository);
        try {
            String key = "PROBE-" + Math.floorMod(System.nanoTime(), 100_000L);
            runtime.startProcessInstanceByKey(FormListFieldsIT.PROBE, key);
            logIn(CLERK);
            Task survey = tasklist.openTask(SCRUTINY_FILTER, FormListFieldsIT.SURVEY, key,
                    "Services for a new connection");
            tasklist.claimIfNeeded(survey, CLERK);
            tasklist.choose("Water");
            tasklist.choose("Drain");
            WebElement tags = driver.findElement(By.cssSelector(".fjs-container input.fjs-taglist-input"));
            tags.click();
            tags.sendKeys("Sch");
            tasklist.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='School']"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-taglist-tags"),
                    "School"));
            browser.screenshot("checklist-and-tag-list");
            tasklist.complete(survey);

            String instance = survey.getProcessInstanceId();
            SerializableValue services = runtime.getVariableTyped(instance, "services", false);
            SerializableValue landmarks = runtime.getVariableTyped(instance, "landmarks", false);
            assertThat(services.getValueSerialized()).isEqualTo("[\"water\",\"drain\"]");
            assertThat(landmarks.getValueSerialized()).isEqualTo("[\"school\"]");
            assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Several").count())
                    .as("the gateway counted two services").isEqualTo(1);
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    /**
     * The call-centre agent logs in, opens the caste certificate's start form and types into its urban body field;
     * gives where the body the agent typed is offered.
     */
    private By bodyOffered(String typed) {
        logIn("callcentre");
        tasklist.click(By.xpath("//a[normalize-space()='Start process']"));
        WebElement body = openStartForm("Caste certificate (जाति प्रमाण पत्र)",
                By.cssSelector(".modal .fjs-container input[id*='bodyCode']"));
        body.click();
        body.sendKeys(typed);
        return By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(),'" + typed
                + "')]");
    }

    /**
     * Picks a process in Tasklist's "Start process" list and waits for its form. While the list is still shown five
     * seconds after a pick, the pick did not take (the list was drawn again under the pointer), and the agent picks
     * again.
     */
    private WebElement openStartForm(String process, By firstField) {
        By item = By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + process + "']");
        long[] picked = {System.nanoTime() - TimeUnit.SECONDS.toNanos(10)};
        return browser.waiting().ignoring(StaleElementReferenceException.class)
                .ignoring(ElementClickInterceptedException.class)
                .until(page -> {
                    List<WebElement> fields = page.findElements(firstField);
                    if (!fields.isEmpty() && fields.get(0).isDisplayed()) {
                        return fields.get(0);
                    }
                    List<WebElement> items = page.findElements(item);
                    if (!items.isEmpty() && items.get(0).isDisplayed()
                            && System.nanoTime() - picked[0] > TimeUnit.SECONDS.toNanos(5)) {
                        items.get(0).click();
                        picked[0] = System.nanoTime();
                    }
                    return null;
                });
    }

    /** Types into the start form's field until it holds the text (form-js redraws while the agent types). */
    private void typeInto(String key, String text) {
        By input = By.cssSelector(".modal .fjs-container [id$='Field_" + key + "']");
        browser.waiting().ignoring(StaleElementReferenceException.class).until(page -> {
            WebElement field = page.findElement(input);
            if (!text.equals(field.getAttribute("value"))) {
                field.clear();
                field.sendKeys(text);
            }
            return text.equals(page.findElement(input).getAttribute("value"));
        });
    }

    /** Logs in as Tasklist's own page asks, and sees that the Camunda 8 banner is not shown to the user. */
    private void logIn(String user) {
        tasklist.logIn(user);
        // The "migrate to Camunda 8" banner is in the page, and officers do not see it.
        WebElement banner = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ce-eol-banner")));
        assertThat(banner.isDisplayed()).as("the Camunda 8 banner is hidden").isFalse();
    }

    /** Opens the filter, then this request's task of the given key in the list, and waits for its form. */
    private Task openTask(String filter, String taskKey, String number) {
        return tasklist.openTask(filter, taskKey, number, "Request " + number);
    }

    /**
     * Adds a comment to the open task as Tasklist offers it ("Add comment"), opens the task's History tab and finds
     * it there, with the operation given (such as the claim) if any; then goes back to the form. The engine keeps
     * the comment under the user's name.
     */
    private void commentAndSeeItInTheHistory(Task task, String user, String remark, String operation) {
        tasklist.click(By.cssSelector("a.createCommentLink"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("comment-form-message"))).sendKeys(remark);
        tasklist.click(By.cssSelector(".modal-footer button[type='submit']"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("comment-form-message")));
        tasklist.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='History']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@nl2br='event.message'][contains(., \"" + remark + "\")]")));
        if (operation != null) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'operation-detail')]/div/h4[normalize-space()=\"" + operation + "\"]")));
        }
        browser.screenshot("history-with-comment-" + task.getTaskDefinitionKey());
        assertThat(driver.findElements(By.cssSelector(".alert"))).extracting(WebElement::getText)
                .noneMatch(alert -> alert.contains("Comment could not be saved"));
        assertThat(tasks.getTaskComments(task.getId()))
                .extracting(comment -> comment.getUserId() + ": " + comment.getFullMessage())
                .contains(user + ": " + remark);
        tasklist.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Form']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }

    private Map<?, ?> fetchInPage(String url) {
        Object result = driver.executeAsyncScript(FETCH_IN_PAGE, url);
        assertThat(result).isInstanceOf(Map.class);
        return (Map<?, ?>) result;
    }

    /**
     * Clicks the link of a scan of the content type given, as an officer would, and looks at the picture in the new
     * tab it opens in; the task's form stays in its own tab as it was (scripts/form-links.js).
     */
    private void viewScanLikeAnOfficer(String contentType) {
        String form = driver.getWindowHandle();
        String taskUrl = driver.getCurrentUrl();
        Set<String> before = driver.getWindowHandles();
        tasklist.click(By.xpath("//div[contains(@class,'fjs-container')]//a[contains(@href,'/api/documents/')"
                + " and contains(., '" + contentType + "')]"));
        wait.until(page -> page.getWindowHandles().size() > before.size()
                || page.getCurrentUrl().contains("/api/documents/"));
        assertThat(driver.getWindowHandles()).as("the scan opens in a new tab").hasSize(before.size() + 1);
        assertThat(driver.getCurrentUrl()).as("Tasklist stays on the task").isEqualTo(taskUrl);
        driver.getWindowHandles().stream().filter(handle -> !before.contains(handle)).findFirst()
                .ifPresent(handle -> driver.switchTo().window(handle));
        WebElement picture = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("img")));
        wait.until(page -> ((Number) driver.executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", picture)).intValue() > 0);
        assertThat(((Number) driver.executeScript("return arguments[0].naturalWidth", picture)).intValue())
                .as("width of the scan shown").isEqualTo(320);
        browser.screenshot("scan-opened");
        driver.close();
        driver.switchTo().window(form);
    }
}
