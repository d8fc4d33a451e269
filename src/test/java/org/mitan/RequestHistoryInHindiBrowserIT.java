package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit's Request history in a browser set to Hindi: an auditor opens a finished request and reads the page's
 * headings, columns, states and dates in Hindi, as the rest of Cockpit is, in the language Cockpit itself chose
 * (request-history/messages.js follows Cockpit's decision). {@link CockpitButtonsBrowserIT} reads the same page in
 * an English browser. Screenshots in {@code target/hindi-history-screenshots/}.
 */
@MitanIntegrationTest
class RequestHistoryInHindiBrowserIT {

    private static final String COCKPIT = "/camunda/app/cockpit/default/";
    /** A date as the page writes it in Hindi: 4 मार्च 2026, 10:15:02 (Latin digits, the month in Hindi). */
    private static final String HINDI_DATE = "\\d{1,2} [\\u0900-\\u097F.]+ \\d{4}, \\d{2}:\\d{2}:\\d{2}";

    /** The locale Cockpit's translate service uses, and the one the plugin's messages module decided on. */
    static final String LOCALES = """
            const done = arguments[arguments.length - 1];
            const cockpit = window.angular.element(document.body).injector().get('$translate').use();
            import(arguments[0]).then(m => done({cockpit, plugin: m.LOCALE}), e => done({error: String(e)}));
            """;

    /** Entries of the messages module that lack a language, or have it of another kind (text, function). */
    private static final String INCOMPLETE_MESSAGES = """
            const done = arguments[arguments.length - 1];
            import(arguments[0]).then(m => done([
              ...Object.entries(m.TEXT).filter(([, e]) => typeof e.en !== typeof e.hi || !e.hi)
                .map(([key]) => key),
              ...Object.entries(m.NAMES).flatMap(([kind, codes]) => Object.entries(codes)
                .filter(([, e]) => !e.hi || e.en !== undefined && typeof e.en !== typeof e.hi)
                .map(([code]) => kind + '.' + code))]), e => done(['error: ' + e]));
            """;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @RegisterExtension
    final BrowserSession session = new BrowserSession(
            () -> HeadlessChromium.startInLanguage(Path.of("target", "hindi-history-screenshots"), "hi-IN"));
    HeadlessChromium browser;
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        browser = session.browser();
        driver = browser.driver();
        wait = browser.waiting();
    }

    @Test
    void anAuditorWithAHindiBrowserReadsAFinishedRequestsHistoryInHindi() {
        String number = CockpitRequestHistoryIT.registerAndWithdraw(http, runtime, management);

        driver.get("http://localhost:" + port + COCKPIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[placeholder='यूज़र नाम']")))
                .sendKeys("auditor");
        driver.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        // Cockpit's own header in Hindi, and the plugin's link in it.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".Header"), "प्रक्रियाएँ"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".Header"), "अनुरोध इतिहास"));

        driver.get("http://localhost:" + port + COCKPIT + "#/request-history?request=" + number);
        By comments = By.xpath("//section[.//h1[starts-with(normalize-space(), 'टिप्पणियाँ (')]]");
        WebElement commentSection = wait.until(ExpectedConditions.visibilityOfElementLocated(comments));
        browser.screenshot("auditor-request-history-hindi");

        // The page speaks the language Cockpit chose, decided the same way.
        Object locales = driver.executeAsyncScript(LOCALES, "/camunda/app/cockpit/request-history/messages.js");
        assertThat(locales).isEqualTo(Map.of("cockpit", "hi", "plugin", "hi"));

        assertThat(headings()).contains("अनुरोध " + number, "प्रक्रियाएँ", "पड़ाव (एप्लिकेशन रिकॉर्ड)",
                "टिप्पणियाँ (1)", "घटनाएँ (0)")
                .anyMatch(heading -> heading.matches("चरण \\(\\d+( \\+ \\d+ गेटवे)?\\)"))
                .anyMatch(heading -> heading.matches("उपयोगकर्ता संचालन \\(\\d+\\)"));
        // The request's summary: its labels, its status and the process's state.
        WebElement summary = driver.findElement(By.cssSelector(".mitan-history-summary"));
        assertThat(summary.findElements(By.tagName("dt"))).extracting(WebElement::getText)
                .contains("सेवा", "नगरीय निकाय और वार्ड", "आवेदन की स्थिति", "दर्ज", "बंद", "खुले चरण", "प्रक्रिया");
        assertThat(summary.getText()).contains("RPR, वार्ड 7", "कोई नहीं")
                .containsPattern("समय आपके ब्राउज़र के समय क्षेत्र \\(UTC[+-]\\d\\d:\\d\\d\\) में दिखाए गए हैं।");
        assertThat(summary.findElement(By.cssSelector("dd strong")).getText()).isEqualTo("बंद");
        assertThat(summary.findElement(By.cssSelector(".mitan-history-state")).getText()).isEqualTo("पूरा हुआ");

        // The processes: Hindi columns, both finished.
        WebElement processes = section("प्रक्रियाएँ");
        assertThat(columns(processes)).containsExactly("प्रक्रिया", "बुलाने वाली प्रक्रिया", "स्थिति", "शुरू",
                "समाप्त", "अवधि", "");
        assertThat(processes.findElements(By.cssSelector(".mitan-history-state"))).extracting(WebElement::getText)
                .containsExactly("पूरा हुआ", "पूरा हुआ");
        // The steps: Hindi columns, types and outcomes.
        WebElement steps = section("चरण (");
        assertThat(columns(steps)).containsExactly("शुरू", "समाप्त", "अवधि", "प्रक्रिया", "चरण", "प्रकार", "कौन",
                "परिणाम");
        assertThat(steps.getText()).contains("उपयोगकर्ता कार्य", "आरंभ", "पूरा").doesNotContain("User task", "Done");
        assertThat(steps.findElement(By.cssSelector("label")).getText()).matches("गेटवे दिखाएँ \\(\\d+\\)");
        // The milestones: the application's statuses named in Hindi.
        assertThat(section("पड़ाव (").getText()).contains("पंजीकृत", "मितान नियुक्त", "बंद");
        // Who completed the visit, and what was said on it, with a Hindi date in Latin digits.
        assertThat(section("उपयोगकर्ता संचालन").getText()).containsPattern("कार्य .?Visit the citizen.?: पूरा किया");
        assertThat(columns(commentSection)).containsExactly("कब", "कौन", "कार्य", "टिप्पणी", "प्रक्रिया");
        List<String> row = commentSection.findElements(By.cssSelector("tbody td")).stream()
                .map(WebElement::getText).toList();
        assertThat(row.get(0)).as("when, in Hindi").matches(HINDI_DATE);
        assertThat(row.subList(1, 5)).containsExactly("mitan.raipur", "Visit the citizen",
                CockpitRequestHistoryIT.MITANS_REMARK, "Doorstep visit (घर पर भेंट)");
        assertThat(section("घटनाएँ (0)").getText()).contains("कोई घटना नहीं।");

        // No heading, column, label or state of the page is left in English (the names of the steps and processes
        // are the models', and what people wrote is theirs).
        List<String> words = driver.findElements(By.cssSelector(
                ".mitan-history :is(h1, th, dt, .mitan-history-state, .mitan-history-toggle)")).stream()
                .map(WebElement::getText).map(text -> text.replace(number, "")).toList();
        assertThat(words).isNotEmpty().noneMatch(text -> text.matches("(?s).*[A-Za-z].*"));

        // Every word of the plugin is there in both languages.
        assertThat(driver.executeAsyncScript(INCOMPLETE_MESSAGES, "/camunda/app/cockpit/request-history/messages.js"))
                .as("entries of messages.js without their Hindi").isEqualTo(List.of());

        // The list of requests: the search form, the filter's states and the columns in Hindi.
        driver.get("http://localhost:" + port + COCKPIT + "#/request-history?search=" + number + "&state=finished");
        By list = By.cssSelector(".mitan-history-results table");
        WebElement results = wait.until(ExpectedConditions.visibilityOfElementLocated(list));
        browser.screenshot("auditor-request-list-hindi");
        assertThat(columns(results)).containsExactly("अनुरोध", "सेवा", "स्थिति", "दर्ज", "पूरा हुआ", "अवधि");
        assertThat(driver.findElements(By.cssSelector("#mitan-history-state option"))).extracting(WebElement::getText)
                .containsExactly("सभी अनुरोध", "चल रहे", "समाप्त (किसी भी तरह)", "पूरे हुए", "रद्द", "घटनाओं वाले");
        assertThat(driver.findElement(By.cssSelector(".mitan-history-search button")).getText()).isEqualTo("खोजें");
        assertThat(driver.findElement(By.cssSelector(".mitan-history-count")).getText()).isEqualTo("1 अनुरोध");
    }

    private List<String> headings() {
        return driver.findElements(By.cssSelector(".mitan-history h1")).stream().map(WebElement::getText).toList();
    }

    /** The card whose heading starts with the words given. */
    private WebElement section(String heading) {
        return driver.findElement(By.xpath("//section[.//h1[starts-with(normalize-space(), '" + heading + "')]]"));
    }

    private static List<String> columns(WebElement table) {
        return table.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
    }
}
