package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps for people whose browser is set to Hindi: the login pages, Tasklist, Cockpit and Admin speak Hindi
 * ({@code app/<app>/locales/hi.json}), and what the application names in Tasklist (its filters and their
 * descriptions, the tasks and their descriptions, the processes the call centre starts, the shared steps' processes
 * shown under their tasks) is named in Hindi as well as English; {@link TasklistBrowserIT} works in an English
 * browser and sees English.
 * Screenshots in {@code target/hindi-screenshots/}.
 */
@MitanIntegrationTest
class HindiWebappsBrowserIT {

    @LocalServerPort
    int port;

    @RegisterExtension
    final BrowserSession session = new BrowserSession(
            () -> HeadlessChromium.startInLanguage(Path.of("target", "hindi-screenshots"), "hi-IN"));
    HeadlessChromium browser;
    ChromeDriver driver;
    WebDriverWait wait;

    JourneySteps steps;

    @BeforeEach
    void startBrowser(@Autowired TestRestTemplate http, @Autowired ObjectMapper json, @Autowired RuntimeService runtime,
            @Autowired ManagementService management) throws Exception {
        steps = new JourneySteps(http, json, runtime, management);
        browser = session.browser();
        driver = browser.driver();
        wait = browser.waiting();
    }

    /**
     * The clerk's Tasklist in Hindi, and the scrutiny task of a birth request: the request's summary above the form
     * (the body, citizen, status, particulars and scans) is labelled in Hindi as well as English.
     */
    @Test
    void aBrowserSetToHindiGetsTasklistInHindi(@Autowired TaskService tasks) throws IOException {
        String number = steps.birthRequestAtScrutiny(phone());
        String scrutiny = tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_ScrutiniseDocuments").singleResult().getId();
        assertThat(driver.executeScript("return navigator.languages[0]")).isEqualTo("hi-IN");
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[placeholder='यूज़र नाम']")));
        assertThat(driver.findElement(By.cssSelector("input[type=password]")).getAttribute("placeholder"))
                .isEqualTo("पासवर्ड");
        browser.screenshot("login-hindi");
        name.sendKeys("clerk.raipur");
        driver.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filters")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "प्रक्रिया शुरू करें"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("कार्य बनाएँ")
                .doesNotContain("Start process").doesNotContain("Create task");
        browser.screenshot("tasklist-hindi");

        // The filters (each followed by its count) and the task are named in Hindi too.
        assertThat(driver.findElements(By.cssSelector(".task-filters .task-filter h4 a")).stream()
                .map(filter -> filter.getText().replaceFirst("\\s*\\d+$", "").strip()).toList())
                .contains("My tasks (मेरे कार्य)", "My groups' tasks (मेरे समूहों के कार्य)",
                        "Clerk's tasks (लिपिक के कार्य)")
                .doesNotContain("My tasks", "Clerk's tasks");
        // The filter's description, the tooltip on its name, names the role's steps in both languages too.
        By clerks = By.xpath("//*[contains(@class,'task-filter')]/h4"
                + "[a[normalize-space(text()[1])=\"Clerk's tasks (लिपिक के कार्य)\"]]");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(clerks)).getAttribute("uib-tooltip"))
                .startsWith("Requests waiting for the clerk of your urban body (आपके नगरीय निकाय के लिपिक के पास लंबित"
                        + " आवेदन): ")
                .contains("Scrutinise the documents (दस्तावेज़ों की जाँच करें)");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'task-filter')]/h4"
                + "/a[normalize-space(text()[1])=\"Clerk's tasks (लिपिक के कार्य)\"]"))).click();
        By row = By.cssSelector("li.task h4.task a[href*='task=" + scrutiny + "']");
        wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(row));
        assertThat(driver.findElement(row).getText()).isEqualTo("Scrutinise the documents (दस्तावेज़ों की जाँच करें)");
        assertThat(driver.findElement(processUnder(scrutiny)).getText())
                .isEqualTo("Document scrutiny (दस्तावेज़ों की जाँच)");
        wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(row))
                .click();
        By form = By.cssSelector(".fjs-container");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(form, "Request " + number));
        assertThat(driver.findElement(By.cssSelector(".names h2.task")).getText().strip())
                .isEqualTo("Scrutinise the documents (दस्तावेज़ों की जाँच करें)");
        assertThat(driver.findElement(By.cssSelector(".names h4.process-definition")).getText())
                .startsWith("Document scrutiny (दस्तावेज़ों की जाँच)");
        browser.screenshot("scrutiny-summary-hindi");
        assertThat(driver.findElement(form).getText()).contains("Birth certificate (जन्म प्रमाण पत्र)",
                "Urban body (नगरीय निकाय): Raipur (रायपुर, RPR), ward (वार्ड) 12", "Citizen (नागरिक): Kamla Sahu",
                "Address (पता):", "Preferred visit window (मुलाकात का समय): Morning (सुबह)",
                "Status (स्थिति): Under scrutiny (जाँच में)", "Particulars (विवरण)", "Documents (दस्तावेज़)");

        // The task's description names the request, and its type in both languages.
        driver.findElement(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='विवरण']")).click();
        By description = By.cssSelector(".description-pane");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(description, number));
        assertThat(driver.findElement(description).getText()).contains(number + " · K**** S*** · ward (वार्ड) 12 · "
                + "Birth certificate (जन्म प्रमाण पत्र)");
        browser.screenshot("scrutiny-description-hindi");
    }

    /**
     * Tasklist names the process under each task, and the shared steps every type calls are processes of their own:
     * a supervisor in a Hindi browser reads the doorstep visit, the decision of the competent authority and the home
     * delivery in English and Hindi under their tasks, as the types' own processes are named (the scrutiny is the
     * clerk's, above; the payment before the decision has no task, the citizen pays online).
     */
    @Test
    void theSharedStepsAreNamedInHindiUnderTheirTasks(@Autowired TaskService tasks) throws IOException {
        String atVisit = steps.register(Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 12,
                "citizenName", "Kamla Sahu", "citizenPhone", phone(), "address", "House 3, Tatibandh, Raipur",
                "preferredVisitWindow", "MORNING", "language", "hi"));
        String atDecision = steps.birthRequestAtScrutiny(phone());
        steps.submit("clerk.raipur", steps.claim("clerk.raipur", "Task_ScrutiniseDocuments", atDecision),
                Map.of("scrutinyOutcome", "accepted"));
        steps.runJobs(atDecision);
        String atDelivery = steps.birthRequestAtScrutiny(phone());
        steps.clerkAcceptsAndRegistrarApproves(atDelivery);
        String visit = taskOf(tasks, atVisit, "Task_VisitCitizen");
        String decision = taskOf(tasks, atDecision, "Task_DecideApplication");
        String delivery = taskOf(tasks, atDelivery, "Task_DeliverCertificate");

        logIn("/camunda/app/tasklist/default/", "supervisor.raipur");
        openFilter("Mitan visits and deliveries (मितान की भेंट और प्रमाण पत्र वितरण)");
        assertThat(processShownUnder(visit)).isEqualTo("Doorstep visit (घर पर भेंट)");
        assertThat(processShownUnder(delivery)).isEqualTo("Home delivery (प्रमाण पत्र घर पहुँचाना)");
        browser.screenshot("shared-steps-mitan-hindi");
        openFilter("Registrar's tasks (रजिस्ट्रार के कार्य)");
        assertThat(processShownUnder(decision))
                .isEqualTo("Decision of the competent authority (सक्षम प्राधिकारी का निर्णय)");
        browser.screenshot("shared-steps-registrar-hindi");
    }

    private static String taskOf(TaskService tasks, String number, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult()
                .getId();
    }

    private void openFilter(String name) {
        wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[contains(@class,'task-filter')]/h4/a[normalize-space(text()[1])=\"" + name + "\"]")))
                .click();
    }

    /** The process Tasklist names under the task in the list, once the task is listed. */
    private String processShownUnder(String taskId) {
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(processUnder(taskId)));
        return driver.findElement(processUnder(taskId)).getText();
    }

    /** The process named under the task in Tasklist's list. */
    private static By processUnder(String taskId) {
        return By.xpath("//li[contains(@class,'task')][.//h4[contains(@class,'task')]/a[contains(@href,'task="
                + taskId + "')]]//h6[contains(@class,'process-definition')]");
    }

    /** A phone number no other test's citizen has. */
    private static String phone() {
        return "98" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }

    /**
     * The call-centre agent's registration form says what to do in Hindi too, not only its labels: the words above
     * the fields are followed by their Hindi.
     */
    @Test
    void theCallCentreAgentReadsTheRegistrationFormInHindi() {
        logIn("/camunda/app/tasklist/default/", "callcentre");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='प्रक्रिया शुरू करें']")))
                .click();
        By item = By.xpath(
                "//div[contains(@class,'modal')]//a[normalize-space()='Birth certificate (जन्म प्रमाण पत्र)']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        browser.screenshot("start-process-hindi");
        assertThat(driver.findElement(By.cssSelector(".modal")).getText()).contains(
                "Birth certificate (जन्म प्रमाण पत्र)", "Caste certificate (जाति प्रमाण पत्र)",
                "Death certificate (मृत्यु प्रमाण पत्र)",
                "Residence (domicile) certificate (निवास (मूल निवासी) प्रमाण पत्र)",
                "Marriage registration certificate (विवाह पंजीयन प्रमाण पत्र)",
                "Gumasta licence (shop and establishment registration) (गुमास्ता लाइसेंस (दुकान एवं स्थापना पंजीयन))",
                "Correction of a birth certificate (जन्म प्रमाण पत्र में सुधार)",
                "Correction of a death certificate (मृत्यु प्रमाण पत्र में सुधार)",
                "Correction of a marriage registration certificate (विवाह पंजीयन प्रमाण पत्र में सुधार)");
        By intro = By.cssSelector(".modal .fjs-container .fjs-form-field-text");
        // Tasklist may draw the list again under the pointer: pick again until the form is there.
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class)
                .until(page -> {
                    if (page.findElements(intro).isEmpty()) {
                        page.findElements(item).stream().filter(WebElement::isDisplayed).findFirst()
                                .ifPresent(WebElement::click);
                        return false;
                    }
                    return true;
                });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(intro, "नागरिक को अनुरोध संख्या SMS से मिलेगी"));
        assertThat(driver.findElement(intro).getText()).contains("A Mitan will visit the citizen at home",
                "मितान नागरिक के घर आएगा");
        browser.screenshot("registration-form-hindi");
    }

    @Test
    void cockpitAndAdminSpeakHindiToo() {
        logIn("/camunda/app/cockpit/default/", "auditor");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "प्रक्रियाएँ"));
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Processes");
        browser.screenshot("cockpit-hindi");

        driver.manage().deleteAllCookies();
        logIn("/camunda/app/admin/default/", "admin");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "उपयोगकर्ता"));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("समूह", "अनुमतियाँ")
                .doesNotContain("Authorizations");
        browser.screenshot("admin-hindi");
    }

    private void logIn(String app, String user) {
        driver.get("http://localhost:" + port + app);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='यूज़र नाम']")))
                .sendKeys(user);
        driver.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type='submit']")).click();
    }
}
