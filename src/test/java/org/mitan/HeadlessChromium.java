package org.mitan;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's {@code chromium}, headless, driven through Debian's {@code chromedriver}: both named by path, so Selenium
 * Manager never runs and nothing is downloaded (the network here is closed). Each start gets a fresh profile and
 * no background traffic. Screenshots are numbered in the order they are taken.
 * <p>
 * A missing browser or driver is a failure, not a skip: {@code .ci/run} installs both
 * ({@code apt-get install chromium chromium-driver}). {@code -Dmitan.chromium=…} and {@code -Dmitan.chromedriver=…}
 * name other files.
 */
final class HeadlessChromium implements AutoCloseable {

    /** Long enough for a page of Tasklist on a loaded two-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final Path CHROMIUM = Path.of(System.getProperty("mitan.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("mitan.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private int taken;

    private HeadlessChromium(ChromeDriver driver, Path profile, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    /** Starts the browser; the screenshots folder is emptied of an earlier run's pictures. */
    static HeadlessChromium start(Path screenshots) throws IOException {
        return start(screenshots, "en-GB", options -> { });
    }

    /**
     * Starts the browser as a phone: Chrome's mobile emulation of a 412 × 915 screen (CSS pixels, as a mid-range
     * Android phone), touch and a mobile user agent.
     */
    static HeadlessChromium startPhone(Path screenshots) throws IOException {
        return start(screenshots, "en-GB", options -> options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 412, "height", 915, "pixelRatio", 2.625, "touch", true, "mobile", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/120.0 Mobile Safari/537.36")));
    }

    /** Starts the browser with its language set, e.g. {@code hi-IN} (what pages read as the browser's language). */
    static HeadlessChromium startInLanguage(Path screenshots, String language) throws IOException {
        return start(screenshots, language, options -> { });
    }

    private static HeadlessChromium start(Path screenshots, String language, Consumer<ChromeOptions> more)
            throws IOException {
        requireExecutable(CHROMIUM, "chromium", "mitan.chromium");
        requireExecutable(CHROMEDRIVER, "chromedriver", "mitan.chromedriver");
        // Selenium's own tracing is not wanted in a test run.
        System.setProperty("webdriver.remote.enableTracing", "false");
        Files.createDirectories(screenshots);
        try (Stream<Path> old = Files.list(screenshots)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Path profile = Files.createTempDirectory("mitan-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--no-default-browser-check",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-extensions", "--lang=" + language, "--window-size=1400,1000",
                        "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        more.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(screenshots.resolve("chromedriver.log").toFile())
                .withLogLevel(ChromiumDriverLogLevel.WARNING)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
            return new HeadlessChromium(driver, profile, screenshots);
        } catch (WebDriverException e) {
            deleteTree(profile);
            throw new AssertionError("Could not start " + CHROMIUM + " through " + CHROMEDRIVER
                    + " (see " + screenshots.resolve("chromedriver.log") + "): " + e.getMessage(), e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE);
    }

    /** Saves what the browser shows as {@code NN-name.png} in the screenshots folder. */
    Path screenshot(String name) {
        taken++;
        Path target = screenshots.resolve(String.format("%02d-%s.png", taken, name));
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.move(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A picture and the HTML of the page, to see where a failed run stood. */
    void keepFailedPage() {
        try {
            screenshot("failed");
            Files.writeString(screenshots.resolve("failed-page.html"), driver.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (WebDriverException | IOException e) {
            // The browser may already be gone; the test's own failure says more.
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void requireExecutable(Path file, String what, String property) {
        if (!Files.isExecutable(file)) {
            throw new AssertionError("The browser test needs Debian's " + what + " at " + file
                    + ", which is not there: install it with `apt-get install -y chromium chromium-driver`"
                    + " (.ci/run does this when it is missing), or name another file with -D" + property + "=…");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is no reason to fail a test.
        }
    }
}
