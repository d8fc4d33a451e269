package org.mitan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mitan.delivery.Delivery;
import org.mitan.delivery.DeliveryRepository;
import org.mitan.document.DocumentRepository;
import org.mitan.request.RequestStatus;
import org.mitan.request.ServiceRequest;
import org.mitan.request.ServiceRequestRepository;
import org.mitan.sms.SmsMessageRepository;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * What a Mitan at the door and a citizen at home run into on a weak network, in Chromium at phone size: a login
 * that ran out while a form was filled in, a button tapped twice while the network is slow, a photo the phone
 * cannot open, a 360-pixel-wide screen; the citizen's feedback sent on a network that drops or tapped twice.
 */
@MitanIntegrationTest
class FieldPageRobustnessBrowserIT {

    private static final String MITAN = "mitan.raipur";
    private static final Path SCREENSHOTS = Path.of("target", "field-robustness-screenshots");

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
    ServiceRequestRepository requests;
    @Autowired
    DocumentRepository documents;
    @Autowired
    DeliveryRepository deliveries;
    @Autowired
    SmsMessageRepository outbox;

    JourneySteps steps;
    @RegisterExtension
    final BrowserSession session = new BrowserSession(() -> HeadlessChromium.startPhone(SCREENSHOTS));
    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void startPhone() {
        steps = new JourneySteps(http, json, runtime, management);
        driver = session.browser().driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.executeCdpCommand("Network.enable", Map.of());
    }

    /** The login runs out while the Mitan types the visit's remarks: after logging in again, they are still there. */
    @Test
    void aLoginThatRunsOutKeepsWhatWasTypedOnTheTask() {
        String number = register("Phoolbai Verma", "+91 98765 45001");
        String visit = openVisit(number);
        driver.findElement(By.cssSelector("input[name=visitOutcome][value=citizenNotHome]")).click();
        driver.findElement(By.id("visitRemarks")).sendKeys("पड़ोसी ने कहा सोमवार को लौटेंगे");

        driver.manage().deleteAllCookies();          // the session ran out on the server
        driver.findElement(By.cssSelector("#outcome button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.findElement(By.cssSelector("#login .msg.err")).getText()).contains("भरी हुई जानकारी");
        logIn();

        WebElement remarks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visitRemarks")));
        assertThat(remarks.getDomProperty("value")).isEqualTo("पड़ोसी ने कहा सोमवार को लौटेंगे");
        assertThat(driver.findElement(By.cssSelector("input[name=visitOutcome][value=citizenNotHome]")).isSelected())
                .isTrue();
        assertThat(driver.findElement(By.cssSelector("#outcome .msg.err")).getText()).contains("फिर दबाएँ");
        driver.findElement(By.cssSelector("#outcome button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(tasks.createTaskQuery().taskId(visit).count()).as("the visit reported").isZero();
    }

    /**
     * The Mitan switches to English half way through the report: what was chosen and typed stays, the fee's UPI
     * reference too.
     */
    @Test
    void switchingTheLanguageKeepsWhatWasTyped() {
        String number = register("Geeta Markam", "+91 98765 45006");
        openVisit(number);
        driver.findElement(By.cssSelector("input[name=visitOutcome][value=documentsMissing]")).click();
        driver.findElement(By.id("visitRemarks")).sendKeys("राशन कार्ड कल मिलेगा");
        // The fee's card is drawn after the rest of the screen, once its amount has come: the UPI reference too.
        WebElement upi = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upiReference")));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", upi);
        upi.sendKeys("412345678901");

        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#outcome button[type=submit]"),
                "Report the visit"));
        assertThat(driver.findElement(By.id("visitRemarks")).getDomProperty("value")).isEqualTo("राशन कार्ड कल मिलेगा");
        assertThat(driver.findElement(By.cssSelector("input[name=visitOutcome][value=documentsMissing]"))
                .isSelected()).isTrue();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fee-upi"), "Received by UPI"));
        assertThat(driver.findElement(By.id("upiReference")).getDomProperty("value")).isEqualTo("412345678901");
    }

    /** On a slow network the report is tapped twice: it is sent once. */
    @Test
    void aSecondTapWhileTheReportIsOnItsWaySendsNothing() {
        String number = register("Sunita Dhruw", "+91 98765 45002");
        openVisit(number);
        driver.findElement(By.cssSelector("input[name=visitOutcome][value=citizenNotHome]")).click();
        driver.executeScript("""
                window.submits = 0;
                const send = window.fetch;
                window.fetch = (url, options) => {
                  if (String(url).includes('/submit-form')) window.submits++;
                  return send(url, options);
                };""");
        throttle(1500);
        driver.executeScript("const button = document.querySelector('#outcome button[type=submit]');"
                + " button.click(); button.click(); button.click();");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        throttle(0);
        assertThat(((Number) driver.executeScript("return window.submits")).intValue()).as("reports sent")
                .isEqualTo(1);
    }

    /**
     * The report reaches the server, but its answer is lost as the network drops: pressed again, the Mitan is told
     * the visit is reported, not shown the engine's error about a task that is no longer there.
     */
    @Test
    void aReportWhoseAnswerWasLostCountsAsDoneWhenPressedAgain() {
        String number = register("Lata Nishad", "+91 98765 45005");
        String visit = openVisit(number);
        driver.findElement(By.cssSelector("input[name=visitOutcome][value=citizenNotHome]")).click();
        driver.executeScript("""
                const send = window.fetch;
                let lost = false;
                window.fetch = (url, options) => {
                  const answer = send(url, options);
                  if (lost || !String(url).includes('/submit-form')) return answer;
                  lost = true;
                  return answer.then(() => { throw new TypeError('Failed to fetch'); });
                };""");
        driver.findElement(By.cssSelector("#outcome button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#outcome .msg.err"),
                "नेटवर्क"));
        assertThat(tasks.createTaskQuery().taskId(visit).count()).as("completed on the server").isZero();

        driver.findElement(By.cssSelector("#outcome button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(driver.findElement(By.id("done")).getText()).isEqualTo("भेंट दर्ज हो गई।");
    }

    /**
     * A photo the phone's browser cannot open (a HEIC picture from the gallery): the Mitan is told why, in Hindi,
     * and nothing is queued; the screen and the fee's UPI field fit a 360-pixel-wide phone with big targets.
     */
    @Test
    void aPhotoThePhoneCannotOpenIsRefusedWithAReasonAndTheVisitFitsANarrowPhone() throws Exception {
        String number = register("Rukmani Sahu", "+91 98765 45003");
        openVisit(number);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 740,
                "deviceScaleFactor", 2, "mobile", true));
        wait.until(page -> ((Number) driver.executeScript("return window.innerWidth")).intValue() == 360);

        Path heic = Files.createTempFile("IMG_20261207_101500", ".heic");
        try {
            byte[] bytes = new byte[300_000];
            new Random(7).nextBytes(bytes);
            byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'};
            System.arraycopy(header, 0, bytes, 0, header.length);
            Files.write(heic, bytes);
            driver.findElement(By.cssSelector("[data-doc='birth-report'] input[type=file]")).sendKeys(heic.toString());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("photo-note"), "HEIC"));
        } finally {
            Files.deleteIfExists(heic);
        }
        WebElement note = driver.findElement(By.id("photo-note"));
        assertThat(note.getText()).contains("खोली नहीं जा सकी").doesNotContain("छोटी की जा रही");
        assertThat(note.getAttribute("class")).contains("err");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-queued")).isEqualTo("0");

        WebElement upi = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upiReference")));
        assertThat(upi.getSize().getHeight()).as("UPI reference field height").isGreaterThanOrEqualTo(44);
        assertThat(upi.getSize().getWidth()).as("UPI reference field width").isGreaterThan(250);
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("page width at 360 px").isLessThanOrEqualTo(360);
        // A UPI reference a digit short is refused on the page, in Hindi, as the server would refuse it in English.
        upi.sendKeys("12345678901");
        driver.executeScript("arguments[0].click()", driver.findElement(By.id("fee-upi")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#fee .msg.err"),
                "सही रूप में भरें"));
        session.browser().screenshot("visit-360-unreadable-photo");
    }

    /**
     * The citizen's feedback on a network that drops: told so, in Hindi, and able to send again; tapped twice while
     * the network is slow: one rating is sent, and the thanks is not replaced by "already given".
     */
    @Test
    void feedbackOnAWeakNetworkIsSentOnceAndSaysWhenItCouldNotBe() {
        String number = register("Janki Patel", "+91 98765 45004");
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        request.moveTo(RequestStatus.DELIVERED, Instant.now());
        requests.save(request);

        driver.get(url("/feedback/" + request.getFeedbackCode()));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=rating][value='4']"))).click();
        driver.findElement(By.id("comment")).sendKeys("समय पर आए");
        offline(true);
        driver.findElement(By.cssSelector("#feedback button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer"), "नेटवर्क"));
        assertThat(driver.findElement(By.cssSelector("#feedback button[type=submit]")).isEnabled()).isTrue();
        offline(false);

        driver.executeScript("""
                window.posts = 0;
                const send = window.fetch;
                window.fetch = (url, options) => { window.posts++; return send(url, options); };""");
        throttle(1500);
        driver.executeScript("const button = document.querySelector('#feedback button[type=submit]');"
                + " button.click(); button.click();");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer"), "धन्यवाद"));
        throttle(0);
        // The second tap's answer, had it been sent, would have come after the first one.
        wait.until(page -> ((Number) driver.executeScript("return window.posts")).intValue() >= 1);
        driver.executeScript("return new Promise(resolve => setTimeout(resolve, 3500))");
        assertThat(((Number) driver.executeScript("return window.posts")).intValue()).as("ratings sent").isEqualTo(1);
        assertThat(driver.findElement(By.id("answer")).getText()).isEqualTo("धन्यवाद! · Thank you!");
    }

    /**
     * A photo whose body the network cut short reaches the server as 400 "Incomplete upload": it goes back to waiting
     * and is sent again by itself, once, like a photo of a dropped network. A 400 about the file itself (an empty
     * file) is shown as failed.
     */
    @Test
    void anUploadCutShortIsSentAgainAndABadFileIsShownAsFailed() throws Exception {
        String number = register("Kaushalya Yadav", "+91 98765 45007");
        openVisit(number);
        driver.executeScript("""
                const send = XMLHttpRequest.prototype.send;
                window.cut = 0;
                XMLHttpRequest.prototype.send = function (body) {
                  if (body instanceof FormData && body.get('type') === 'birth-report' && window.cut++ === 0) {
                    this.setRequestHeader('Content-Type', 'multipart/form-data; boundary=cut');
                    return send.call(this, '--cut\\r\\nContent-Disposition: form-data; name="type"\\r\\n\\r\\n'
                      + 'birth-report\\r\\n--cut\\r\\nContent-Disposition: form-data; name="file";'
                      + ' filename="cut.jpg"\\r\\nContent-Type: image/jpeg\\r\\n\\r\\nabc');
                  }
                  if (body instanceof FormData && body.get('type') === 'parent-id') {
                    body.set('file', new Blob([], {type: 'image/jpeg'}), 'empty.jpg');
                  }
                  return send.call(this, body);
                };""");
        Path photo = photo(640, 480);
        driver.findElement(By.cssSelector("[data-doc='birth-report'] input[type=file]")).sendKeys(photo.toString());
        wait.until(page -> ((Number) driver.executeScript("return window.cut")).intValue() >= 2);
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        wait.until(page -> documents.findByRequestIdOrderByUploadedAtAsc(request.getId()).size() == 1);
        wait.until(page -> "0".equals(driver.findElement(By.tagName("body")).getAttribute("data-queued")));
        assertThat(driver.findElements(By.cssSelector("li[data-state=failed]"))).as("nothing shown as failed")
                .isEmpty();

        driver.findElement(By.cssSelector("[data-doc='parent-id'] input[type=file]")).sendKeys(photo.toString());
        WebElement failed = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-doc='parent-id'] li[data-state=failed]")));
        assertThat(failed.getText()).contains("file is empty");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-queued")).isEqualTo("0");
        Files.deleteIfExists(photo);
    }

    /**
     * The delivery screen looks again when a new OTP may be sent, with one timer: drawn again (each change of
     * language, each wrong OTP), it does not add another.
     */
    @Test
    void theDeliveryScreenKeepsOneTimerHoweverOftenItIsDrawn() throws Exception {
        String number = steps.birthRequestAtScrutiny("+91 98765 45008");
        steps.clerkAcceptsAndRegistrarApproves(number);
        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        Delivery delivery = deliveries.findByRequestId(request.getId()).orElseThrow();
        delivery.replaceOtp(delivery.getOtpHash(), Instant.now());   // just sent: a new one may go in a minute
        deliveries.save(delivery);
        openTask(number, "delivery");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deliveryOtp")));
        assertThat(driver.findElement(By.id("resend")).isEnabled()).as("a new OTP may not go yet").isFalse();
        driver.executeScript("""
                window.timers = new Map();
                const set = window.setTimeout;
                const clear = window.clearTimeout;
                window.setTimeout = (work, ms, ...args) => {
                  const id = set(() => { window.timers.delete(id); work(...args); }, ms);
                  window.timers.set(id, ms);
                  return id;
                };
                window.clearTimeout = (id) => { window.timers.delete(id); clear(id); };""");
        for (int drawn = 0; drawn < 4; drawn++) {
            String attemptsLeft = "English".equals(driver.findElement(By.id("lang")).getText()) ? "attempts left"
                    : "प्रयास बाकी";
            driver.findElement(By.id("lang")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attempts"), attemptsLeft));
        }
        driver.findElement(By.id("deliveryOtp")).sendKeys("000000".equals(JourneySteps.latestOtp(outbox,
                request.getId())) ? "111111" : "000000");
        driver.findElement(By.cssSelector("#otp-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attempts"), "2"));
        assertThat(((Number) driver.executeScript(
                "return [...window.timers.values()].filter(ms => ms >= 2000).length")).intValue())
                .as("timers waiting to look at the OTP again").isEqualTo(1);
    }

    /**
     * A camera-sized photo (4000 × 3000) is decoded straight to the scan's size, 2000 pixels long, not whole (48 MB
     * of pixels on a cheap phone), then sent.
     */
    @Test
    void aLargePhotoIsDecodedAtTheScansSize() throws Exception {
        String number = register("Draupadi Dhruw", "+91 98765 45009");
        openVisit(number);
        driver.executeScript("""
                window.decoded = [];
                const decode = window.createImageBitmap;
                window.createImageBitmap = (...given) => decode(...given).then(bitmap => {
                  window.decoded.push([bitmap.width, bitmap.height]);
                  return bitmap;
                });""");
        Path photo = photo(4000, 3000);
        try {
            driver.findElement(By.cssSelector("[data-doc='birth-report'] input[type=file]"))
                    .sendKeys(photo.toString());
            ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
            wait.until(page -> documents.findByRequestIdOrderByUploadedAtAsc(request.getId()).size() == 1);
        } finally {
            Files.deleteIfExists(photo);
        }
        assertThat(driver.executeScript("return window.decoded")).as("bitmaps decoded (width, height)")
                .isEqualTo(List.of(List.of(2000L, 1500L)));
    }

    /**
     * Each group of choices is a fieldset named by its legend, so that a screen reader says which question a choice
     * answers: the visit's outcome, and the radio groups of the type's particulars form.
     */
    @Test
    void groupsOfChoicesAreFieldsetsWithALegend() throws Exception {
        String number = atParticulars("Parvati Kurre", "+91 98765 45010");
        String other = register("Meena Sonwani", "+91 98765 45011");

        openVisit(other);
        WebElement outcome = driver.findElement(By.cssSelector("input[name=visitOutcome][value=collected]"));
        assertThat(legendOf(outcome)).isEqualTo("भेंट का परिणाम");

        backToToday();
        openParticulars(number);
        WebElement male = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[name=particular_sex][value=Male]")));
        assertThat(legendOf(male)).isEqualTo("Sex (लिंग) *");
        assertThat(driver.findElements(By.cssSelector("#task-form input[type=radio]")))
                .allSatisfy(radio -> assertThat(legendOf(radio)).isNotBlank());
        session.browser().screenshot("particulars-fieldsets");
    }

    /** The legend of the fieldset the input is in; empty when it is in none. */
    private String legendOf(WebElement input) {
        return String.valueOf(driver.executeScript("const group = arguments[0].closest('fieldset');"
                + " return group && group.querySelector(':scope > legend') ? group.querySelector(':scope > legend')"
                + ".textContent : '';", input));
    }

    /**
     * The server's refusals a Mitan meets through the page are read in Hindi: a UPI reference already recorded for
     * another fee, a scan of a request that has gone to the officers meanwhile (shown as failed in the queue); and
     * the engine's own words, English only, about a task that is gone get a Hindi line in front.
     */
    @Test
    void refusalsOfTheServerAreReadInHindi() throws Exception {
        String paidBefore = register("Sarita Dewangan", "+91 98765 45012");
        String utr = String.valueOf(100_000_000_000L + Math.floorMod(System.nanoTime(), 899_999_999_999L));
        assertThat(steps.as(MITAN).postForEntity("/api/requests/{number}/fees/mitan-service/collected",
                Map.of("mode", "UPI", "upiReference", utr), String.class, paidBefore).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        String number = register("Anita Tandon", "+91 98765 45013");
        String cancelled = atParticulars("Rekha Sahu", "+91 98765 45014");
        openVisit(number);

        WebElement upi = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upiReference")));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", upi);
        upi.sendKeys(utr);
        driver.executeScript("arguments[0].click()", driver.findElement(By.id("fee-upi")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#fee .msg.err"),
                "पहले ही किसी दूसरे शुल्क में दर्ज है"));

        ServiceRequest request = requests.findByRequestNumber(number).orElseThrow();
        request.moveTo(RequestStatus.UNDER_SCRUTINY, Instant.now());   // sent on to the officers meanwhile
        requests.save(request);
        Path photo = photo(640, 480);
        try {
            driver.findElement(By.cssSelector("[data-doc='birth-report'] input[type=file]"))
                    .sendKeys(photo.toString());
            WebElement failed = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-doc='birth-report'] li[data-state=failed]")));
            assertThat(failed.getText()).contains("is with the officers", "आवेदन अधिकारियों के पास है");
        } finally {
            Files.deleteIfExists(photo);
        }

        // The particulars of a request cancelled meanwhile, drawn again: the engine's words, with a Hindi line.
        backToToday();
        openParticulars(cancelled);
        runtime.deleteProcessInstance(tasks.createTaskQuery().processInstanceBusinessKey(cancelled)
                .taskDefinitionKey("Task_RecordParticulars").singleResult().getProcessInstanceId(), "withdrawn");
        WebElement form = driver.findElement(By.id("task-form"));
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.stalenessOf(form));
        assertThat(driver.findElement(By.cssSelector("#app .msg.err")).getText()).as("in English")
                .doesNotContainPattern("[\\u0900-\\u097F]");
        driver.findElement(By.id("lang")).click();
        wait.until(ExpectedConditions.textMatches(By.cssSelector("#app .msg.err"),
                java.util.regex.Pattern.compile("^[\\u0900-\\u097F][^A-Za-z]*: [A-Za-z]")));
    }

    /** A birth request brought to its particulars through the API: three scans, the visit reported, verified. */
    private String atParticulars(String name, String phone) throws IOException {
        String number = register(name, phone);
        steps.birthVisitCollected(number);
        return number;
    }

    /** The task screen's back button, wherever the screen is scrolled (the sticky bar may cover it). */
    private void backToToday() {
        driver.executeScript("arguments[0].click()",
                driver.findElement(By.xpath("//button[normalize-space()='← वापस']")));
    }

    /** From today's list, opens the request's particulars. */
    private void openParticulars(String number) {
        By particulars = By.cssSelector("article[data-request='" + number + "'][data-kind='particulars'] button.main");
        WebElement open = wait.until(ExpectedConditions.presenceOfElementLocated(particulars));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", open);
        open.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-form")));
    }

    private String register(String name, String phone) {
        return steps.register(Map.of("certificateType", "birth-certificate", "bodyCode", "RPR", "ward", 12,
                "citizenName", name, "citizenPhone", phone, "address", "House 5, Tatibandh, Raipur",
                "preferredVisitWindow", "MORNING", "language", "hi"));
    }

    /** Logs in on the field page and opens the request's visit; gives the visit task's id. */
    private String openVisit(String number) {
        String taskId = openTask(number, "visit");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-doc='birth-report'] input")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("visitRemarks")));
        return taskId;
    }

    /** Logs in on the field page and opens the request's task of that kind (visit, particulars, delivery). */
    private String openTask(String number, String kind) {
        driver.get(url("/field/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        logIn();
        By card = By.cssSelector("article[data-request='" + number + "'][data-kind='" + kind + "']");
        WebElement open = wait.until(ExpectedConditions.presenceOfElementLocated(card))
                .findElement(By.cssSelector("button.main"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", open);
        String taskId = driver.findElement(card).getAttribute("data-task");
        open.click();
        return taskId;
    }

    private void logIn() {
        driver.findElement(By.id("username")).sendKeys(MITAN);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("#login button[type=submit]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Chrome's network emulation: the round trip's latency in ms, no limit on throughput. */
    private void throttle(int latency) {
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", latency,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private void offline(boolean offline) {
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** A JPEG photo of that size (a shaded page), quick to make and to send. */
    private static Path photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D paint = image.createGraphics();
        paint.setPaint(new GradientPaint(0, 0, Color.WHITE, width, height, Color.DARK_GRAY));
        paint.fillRect(0, 0, width, height);
        paint.dispose();
        Path file = Files.createTempFile("IMG_" + width + "x" + height, ".jpg");
        ImageIO.write(image, "jpeg", file.toFile());
        return file;
    }
}
