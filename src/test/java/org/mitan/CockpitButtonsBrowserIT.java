package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit shows each user only the buttons the engine lets them use: an auditor, who reads and changes nothing, sees
 * a running request without the buttons that would delete it, retry its jobs, suspend it or add, edit and delete its
 * variables (each of which the engine would refuse); an analyst sees the definition's buttons, which analysts may use,
 * but not the request's; an administrator sees them all. The auditor also reads a finished request's comments in the
 * Request history. Screenshots in {@code target/cockpit-screenshots/}.
 */
@MitanIntegrationTest
class CockpitButtonsBrowserIT {

    private static final String COCKPIT = "/camunda/app/cockpit/default/";
    private static final List<String> REQUEST_CHANGES = List.of("Delete running process instance",
            "Add a new variable to Process Instance", "Suspend Process Instance", "Edit the variable",
            "Delete the variable");

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

    @RegisterExtension
    final BrowserSession session = new BrowserSession(
            () -> HeadlessChromium.start(Path.of("target", "cockpit-screenshots")));
    HeadlessChromium browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = session.browser();
        driver = browser.driver();
        wait = browser.waiting();
    }

    @Test
    void onlyTheButtonsTheEngineAllowsAreShown() {
        String number = new JourneySteps(http, json, runtime, management).register(Map.of(
                "certificateType", "caste-certificate", "bodyCode", "RPR", "ward", 9, "citizenName", "Geeta Netam",
                "citizenPhone", "+91 98765 70001", "address", "House 8, Tatibandh, Raipur",
                "preferredVisitWindow", "MORNING", "language", "en"));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("caste-certificate").singleResult().getId();
        String definition = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId();

        logIn("auditor");
        assertThat(buttonsOnTheRequest(instance)).as("the auditor's buttons on a running request")
                .doesNotContainAnyElementsOf(REQUEST_CHANGES);
        browser.screenshot("auditor-request");
        assertThat(buttonsOnTheDefinition(definition)).doesNotContain("Suspend Process Definition");

        logIn("analyst");
        assertThat(buttonsOnTheRequest(instance)).doesNotContainAnyElementsOf(REQUEST_CHANGES);
        assertThat(buttonsOnTheDefinition(definition)).contains("Suspend Process Definition");
        browser.screenshot("analyst-definition");

        logIn("admin");
        assertThat(buttonsOnTheRequest(instance)).containsAll(REQUEST_CHANGES);
        browser.screenshot("admin-request");
    }

    /**
     * The auditor opens a finished request in Cockpit's Request history and reads what the Mitan said at the door,
     * with who said it, when and on which task, beside the user operations.
     */
    @Test
    void theAuditorReadsWhatWasSaidOnAFinishedRequest() {
        String number = CockpitRequestHistoryIT.registerAndWithdraw(http, runtime, management);

        logIn("auditor");
        driver.get("http://localhost:" + port + COCKPIT + "#/request-history?request=" + number);
        By comments = By.xpath("//section[.//h1[starts-with(normalize-space(), 'Comments (')]]");
        WebElement section = wait.until(ExpectedConditions.visibilityOfElementLocated(comments));
        browser.screenshot("auditor-request-comments");

        assertThat(section.findElement(By.tagName("h1")).getText()).isEqualTo("Comments (1)");
        List<String> row = section.findElements(By.cssSelector("tbody td")).stream().map(WebElement::getText)
                .toList();
        assertThat(row).hasSize(5);
        assertThat(row.get(0)).as("when").isNotBlank();
        assertThat(row.subList(1, 5)).containsExactly("mitan.raipur", "Visit the citizen",
                CockpitRequestHistoryIT.MITANS_REMARK, "Doorstep visit (घर पर भेंट)");

        // An English browser gets the page in English, as Cockpit itself, with its dates as before.
        assertThat(driver.executeAsyncScript(RequestHistoryInHindiBrowserIT.LOCALES,
                "/camunda/app/cockpit/request-history/messages.js")).isEqualTo(Map.of("cockpit", "en", "plugin", "en"));
        assertThat(section.findElements(By.cssSelector("thead th"))).extracting(WebElement::getText)
                .containsExactly("When", "Who", "Task", "Comment", "Process");
        assertThat(row.get(0)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(driver.findElements(By.cssSelector(".mitan-history h1"))).extracting(WebElement::getText)
                .contains("Request " + number, "Processes", "Milestones (application record)", "Incidents (0)");
        assertThat(driver.findElement(By.cssSelector(".mitan-history-summary dd strong")).getText())
                .isEqualTo("Closed");
    }

    /** The buttons shown on the request's page once its variables are listed, by their tooltips. */
    private List<String> buttonsOnTheRequest(String instance) {
        driver.get("http://localhost:" + port + COCKPIT + "#/process-instance/" + instance + "/runtime");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "requestNumber"));
        return buttons();
    }

    private List<String> buttonsOnTheDefinition(String definition) {
        driver.get("http://localhost:" + port + COCKPIT + "#/process-definition/" + definition + "/runtime");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ctn-toolbar")));
        return buttons();
    }

    /**
     * What the user's permissions say is settled once the engine has answered: then the tooltips shown, read again
     * if Cockpit redraws the toolbar while they are read.
     */
    private List<String> buttons() {
        wait.until(page -> Boolean.TRUE.equals(driver.executeScript(
                "return window.performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/authorization/check')).length >= 6")));
        return browser.waiting().ignoring(StaleElementReferenceException.class).until(page -> {
            List<String> shown = driver.findElements(By.cssSelector("[uib-tooltip]")).stream()
                    .filter(WebElement::isDisplayed).map(element -> element.getAttribute("uib-tooltip")).toList();
            return shown.isEmpty() ? null : shown;
        });
    }

    /**
     * A fresh page without the last user's session, then the login form, filled in and sent; all of it again if the
     * page hangs or the form was sent before the page could handle it (seen once in CI: the form came back empty).
     */
    private void logIn(String user) {
        driver.get("http://localhost:" + port + COCKPIT);
        driver.manage().deleteAllCookies();
        driver.get("about:blank");
        By name = By.cssSelector("input[placeholder='Username']");
        new WebDriverWait(driver, Duration.ofSeconds(100)).ignoring(TimeoutException.class).until(page -> {
            driver.get("http://localhost:" + port + COCKPIT);
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(
                    ExpectedConditions.visibilityOfElementLocated(name));
            driver.findElement(name).sendKeys(user);
            driver.findElement(By.cssSelector("input[placeholder='Password']")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type='submit']")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.account")));
            return true;
        });
    }
}
