package org.mitan;

import java.io.IOException;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * One headless Chromium for each browser test: started before the test's own set-up, the page it stood on kept
 * (a picture and its HTML) when the test fails, and closed after the test.
 */
final class BrowserSession implements BeforeEachCallback, TestExecutionExceptionHandler, AfterEachCallback {

    /** How the test wants its browser: in English, at phone size, in Hindi. */
    @FunctionalInterface
    interface Start {
        HeadlessChromium start() throws IOException;
    }

    private final Start start;
    private HeadlessChromium browser;

    BrowserSession(Start start) {
        this.start = start;
    }

    /** The browser of the running test. */
    HeadlessChromium browser() {
        return browser;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        browser = start.start();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (browser != null) {
            browser.keepFailedPage();
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
