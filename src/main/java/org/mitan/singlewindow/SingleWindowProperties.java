package org.mitan.singlewindow;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which single-window system Mitan talks to ({@code mitan.single-window.*}). In {@code http} mode the address
 * and the API key are required: without them the application refuses to start and says which one is missing.
 *
 * @param mode           {@code local} (the in-process register, default) or {@code http} (the state's API), in any
 *                       letter case
 * @param url            base address of the single-window API, e.g. {@code https://sws.example.gov.in/api/v1}
 * @param apiKey         bearer token for the single-window API
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for an answer once the request is sent
 */
@ConfigurationProperties("mitan.single-window")
record SingleWindowProperties(
        @DefaultValue("local") Mode mode,
        String url,
        String apiKey,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout) {

    enum Mode {
        LOCAL, HTTP
    }

    SingleWindowProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("mitan.single-window.connect-timeout (MITAN_SWS_CONNECT_TIMEOUT) "
                    + "must be positive, e.g. 5s.");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("mitan.single-window.read-timeout (MITAN_SWS_READ_TIMEOUT) "
                    + "must be positive, e.g. 20s.");
        }
        if (mode == Mode.HTTP) {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("mitan.single-window.mode is http but mitan.single-window.url "
                        + "(MITAN_SWS_URL) is empty. Set the address of the single-window API, or use mode local.");
            }
            if (!isHttpAddress(url)) {
                throw new IllegalArgumentException("mitan.single-window.url (MITAN_SWS_URL) '" + url
                        + "' is not an http(s) address such as https://sws.example.gov.in/api/v1.");
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("mitan.single-window.mode is http but "
                        + "mitan.single-window.api-key (MITAN_SWS_API_KEY) is empty. Set the API key issued by "
                        + "the single-window system, or use mode local.");
            }
        }
    }

    /** The base address without a trailing slash. */
    URI baseUri() {
        return URI.create(url.strip().replaceAll("/+$", ""));
    }

    private static boolean isHttpAddress(String url) {
        try {
            URI uri = URI.create(url.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
