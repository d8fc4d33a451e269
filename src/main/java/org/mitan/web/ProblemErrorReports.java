package org.mitan.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A request Tomcat refuses before the application sees it is answered with a problem detail too, not Tomcat's HTML
 * page "HTTP Status 400 – Bad Request" with no reason. Tomcat refuses so an address it cannot map to a servlet
 * safely: an encoded slash or backslash ({@code %2F}, {@code %5C}), an encoded zero byte ({@code %00}), a {@code %}
 * without two hexadecimal digits, a path that climbs above the root. Those answers are written by the host's error
 * report valve, outside every filter and controller of the application; this one writes them as
 * {@code application/problem+json} saying what to correct. Errors inside the application reach it only when nothing
 * else answered them (Spring Boot's error page and {@link ApiExceptionHandler} answer those); a 5xx says to try again.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrorReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        // The host is started after the context is prepared, and only then adds its error report valve, of this class.
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(Valve.class.getName());
            }
        });
    }

    /** The host's error report valve, writing a problem detail (Tomcat makes it by its class name). */
    public static class Valve extends ErrorReportValve {

        static final String UNREADABLE_ADDRESS = "The server cannot read this address: it holds an encoded slash or"
                + " backslash (%2F, %5C), an encoded zero byte (%00), a % not followed by two hexadecimal digits, or"
                + " goes above the root. Write the address as the application or its documentation gives it (a"
                + " certificate number keeps its slashes: /api/certificates/RPR/BIRTH/2026/000001/pdf) and send it"
                + " again.";

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // as Tomcat's own: nothing for a status below 400, an answer already begun, or an error reported once
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(problem(status));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException gone) {
                // the client is gone or the answer was begun meanwhile: nothing more to tell
            }
        }

        /** The problem detail of a refusal by status; only fixed words, nothing from the request. */
        static String problem(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            boolean badRequest = status == HttpStatus.BAD_REQUEST.value();
            String title = badRequest ? "Unreadable address" : known == null ? "Refused" : known.getReasonPhrase();
            String detail = badRequest ? UNREADABLE_ADDRESS : status >= 500
                    ? "The server could not answer this request (HTTP " + status + "); try again in a moment."
                    : "The server refused the request before the application read it (HTTP " + status + ").";
            return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                    + detail + "\"}";
        }
    }
}
