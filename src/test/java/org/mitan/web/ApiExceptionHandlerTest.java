package org.mitan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mitan.failure.Refusal;
import org.mitan.failure.Unavailable;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

@ExtendWith(OutputCaptureExtension.class)
class ApiExceptionHandlerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-03T10:15:30.456Z"),
            ZoneId.of("Asia/Kolkata"));

    @RestController
    static class FailingController {

        @GetMapping("/api/broken")
        String broken() {
            throw new IllegalStateException("connection pool exhausted");
        }

        @GetMapping("/api/clash")
        String clash() {
            throw new DataIntegrityViolationException("duplicate key value violates unique constraint");
        }

        @GetMapping("/api/refused")
        String refused() {
            throw Refusal.notFound("No request with number RPR-2026-000009.");
        }

        @GetMapping("/api/store-down")
        String storeDown() {
            throw new Unavailable("document store", "Object store at http://minio:9000 could not write", null);
        }

        @GetMapping("/api/database-down")
        String databaseDown() {
            throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JPA"
                    + " EntityManager", new java.sql.SQLTransientConnectionException("mitan - Connection is not"
                    + " available, request timed out after 30000ms"));
        }

        @GetMapping("/api/database-restarting")
        String databaseRestarting() {
            throw new IllegalStateException("engine failed", new java.sql.SQLException("terminating connection due"
                    + " to administrator command", "57P01"));
        }

        @GetMapping("/api/suspended")
        String suspended() {
            throw new SuspendedEntityInteractionException("ENGINE-03043 Process Definition with id 'birth:7' is"
                    + " suspended.");
        }

        @PostMapping("/api/upload-cut-off")
        String uploadCutOff() {
            throw new MultipartException("Failed to parse multipart servlet request",
                    new IOException("org.apache.tomcat.util.http.fileupload.MultipartStream$MalformedStreamException:"
                            + " Stream ended unexpectedly"));
        }

        @PostMapping("/api/upload-too-large")
        String uploadTooLarge() {
            throw new MaxUploadSizeExceededException(-1);
        }

        @GetMapping("/api/denied")
        String denied() {
            throw new AccessDeniedException("not for you");
        }
    }

    private final DataSource database = answering();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ApiExceptionHandler(clock(), outages(database)))
            .build();

    /** A database that answers, as when a failure is our own. */
    private static DataSource answering() {
        try {
            Connection connection = mock(Connection.class);
            when(connection.isValid(anyInt())).thenReturn(true);
            DataSource dataSource = mock(DataSource.class);
            when(dataSource.getConnection()).thenReturn(connection);
            return dataSource;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.springframework.beans.factory.ObjectProvider<DatabaseOutages> outages(DataSource database) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("outages", new DatabaseOutages(database));
        return beans.getBeanProvider(DatabaseOutages.class);
    }

    private static org.springframework.beans.factory.ObjectProvider<Clock> clock() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clock", CLOCK);
        return beans.getBeanProvider(Clock.class);
    }

    @Test
    void anUnexpectedFailureIsA500ProblemThatTellsWhatToDoAndIsLoggedWithItsStackTrace(CapturedOutput log)
            throws Exception {
        mvc.perform(get("/api/broken"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.detail").value("Something went wrong on our side; nothing was changed."
                        + " Try again; if it keeps failing, tell the helpdesk the time: 2026-05-03 15:45:30 +05:30."
                        + " / सर्वर पर गड़बड़ी हुई; कुछ नहीं बदला। फिर करें; बार-बार हो तो हेल्पडेस्क को यह समय बताएँ:"
                        + " 2026-05-03 15:45:30 +05:30।"))
                .andExpect(jsonPath("$.time").value("2026-05-03 15:45:30 +05:30"));

        assertThat(log.getOut()).contains("Unexpected failure of GET /api/broken at 2026-05-03 15:45:30 +05:30")
                .contains("java.lang.IllegalStateException: connection pool exhausted")
                .contains("at org.mitan.web.ApiExceptionHandlerTest$FailingController.broken");
    }

    @Test
    void theDatabaseOutOfReachIsA503ToTryAgainLater() throws Exception {
        for (String path : new String[] {"/api/database-down", "/api/database-restarting"}) {
            mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "30"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Database unavailable"))
                    .andExpect(jsonPath("$.detail").value("The database cannot be reached just now, so nothing was"
                            + " saved; try again in a minute. / डेटाबेस अभी नहीं मिल रहा, इसलिए कुछ जमा नहीं हुआ; एक"
                            + " मिनट बाद फिर करें।"));
        }
        assertThat(DatabaseOutages.isCause(new IllegalStateException("x",
                new java.sql.SQLException("duplicate key", "23505")))).as("a constraint is not an outage").isFalse();
    }

    @Test
    void aFailureThatDoesNotSaySoIsA503WhenTheDatabaseDoesNotAnswer() throws Exception {
        when(database.getConnection()).thenThrow(new SQLTransientConnectionException("timed out"));

        mvc.perform(get("/api/broken"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Database unavailable"));
    }

    @Test
    void theInternalMessageIsNotShownToTheCaller() throws Exception {
        String body = mvc.perform(get("/api/broken")).andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("connection pool");
    }

    @Test
    void aClashWithConcurrentlySavedDataIsAConflict() throws Exception {
        conflict("/api/clash", "This clashes with data saved at the same moment")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith(
                        " / उसी समय किसी और ने भी यही बदला; कुछ नहीं बदला। पेज फिर खोलें और जाँचें।")));
    }

    @Test
    void aStepOnASuspendedProcessIsAConflictToTryOnceItIsResumed() throws Exception {
        conflict("/api/suspended", "This request's process is suspended (paused by an administrator in Cockpit)")
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("ENGINE-"))))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.endsWith(
                        " / यह आवेदन प्रशासक ने रोका है; कुछ नहीं बदला। फिर शुरू होने पर करें।")));
    }

    /** A 409 problem whose detail starts with {@code detailStart}. */
    private ResultActions conflict(String path, String detailStart) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(detailStart)));
    }

    @Test
    void refusalsKeepTheirOwnStatusAndMessage() throws Exception {
        mvc.perform(get("/api/refused"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("No request with number RPR-2026-000009."));
    }

    @Test
    void everyKindOfRefusalHasTheStatusItHadAsAnHttpException() {
        Map<Refusal.Kind, HttpStatus> expected = new EnumMap<>(Refusal.Kind.class);
        expected.put(Refusal.Kind.NOT_FOUND, HttpStatus.NOT_FOUND);
        expected.put(Refusal.Kind.NOT_ALLOWED, HttpStatus.FORBIDDEN);
        expected.put(Refusal.Kind.CONFLICT, HttpStatus.CONFLICT);
        expected.put(Refusal.Kind.INVALID, HttpStatus.BAD_REQUEST);
        expected.put(Refusal.Kind.TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE);
        expected.put(Refusal.Kind.UNSUPPORTED_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        expected.put(Refusal.Kind.UNACCEPTABLE, HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(expected).containsOnlyKeys(Refusal.Kind.values());
        expected.forEach((kind, status) -> assertThat(ApiExceptionHandler.statusOf(kind)).isEqualTo(status));
    }

    @Test
    void anUnavailableSystemIsA503ThatNamesItButNotItsAddress(CapturedOutput log) throws Exception {
        mvc.perform(get("/api/store-down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Document store unavailable"))
                .andExpect(jsonPath("$.detail").value(
                        "The document store cannot be reached just now; try again in a few minutes. / यह सेवा अभी नहीं"
                                + " मिल रही; कुछ मिनट बाद फिर करें।"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("minio"))));

        assertThat(log.getOut()).contains("Document store failed")
                .contains("Object store at http://minio:9000 could not write");
    }

    @Test
    void anUploadWhoseMultipartBodyCannotBeReadIsA400ToSendTheFileAgain() throws Exception {
        mvc.perform(post("/api/upload-cut-off"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Incomplete upload"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("not a complete multipart form"),
                        org.hamcrest.Matchers.containsString("nothing was saved. Send the file again."),
                        org.hamcrest.Matchers.endsWith(" / फ़ाइल पूरी नहीं पहुँची; कुछ जमा नहीं हुआ। फिर से भेजें।"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("MalformedStreamException"))));
    }

    @Test
    void aFileOverTheLimitIsStillA413() throws Exception {
        mvc.perform(post("/api/upload-too-large"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.title").value("File too large"))
                .andExpect(jsonPath("$.detail").value("The file is larger than the upload limit. Scan at a lower"
                        + " resolution or split the document. / फ़ाइल बहुत बड़ी है: कम रिज़ॉल्यूशन पर स्कैन करें या"
                        + " दस्तावेज़ को भागों में भेजें।"));
    }

    @Test
    void springSecurityRefusalsAreLeftToSpringSecurity() {
        assertThatThrownBy(() -> mvc.perform(get("/api/denied"))).hasRootCauseInstanceOf(AccessDeniedException.class);
    }
}
