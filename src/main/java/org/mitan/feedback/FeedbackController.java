package org.mitan.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.mitan.failure.Refusal;
import org.mitan.feedback.FeedbackService.FeedbackForm;
import org.mitan.feedback.FeedbackService.GivenFeedback;
import org.mitan.web.CitizenPages;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: the link in the feedback SMS. {@code GET} shows a small bilingual page whose form posts the rating;
 * {@code POST} takes {@code {rating, comment}} as JSON.
 */
@RestController
class FeedbackController {

    private final FeedbackService feedback;
    private final String page;

    FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
        this.page = read("feedback/page.html");
    }

    @PostMapping(path = "/feedback/{feedbackCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    GivenFeedback give(@PathVariable String feedbackCode, @RequestBody(required = false) FeedbackForm form) {
        return feedback.give(feedbackCode, form);
    }

    /**
     * The page; for a link that is not known (cut short in the SMS, mistyped) a page in Hindi and English that says
     * so, in the look of the status page, not the API's problem as JSON.
     */
    @GetMapping(path = "/feedback/{feedbackCode}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String feedbackCode) {
        try {
            feedback.requestOf(feedbackCode);
        } catch (Refusal e) {
            if (e.getKind() != Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            return CitizenPages.page(HttpStatus.NOT_FOUND, "मितान प्रतिक्रिया · Mitan feedback",
                    "<h1>लिंक नहीं मिला · Link not found</h1><p class=\"msg bad\" id=\"unknown\">इस लिंक से कोई"
                            + " आवेदन नहीं मिला। अपने SMS का लिंक जाँचें या 14545 पर फ़ोन करें।"
                            + "<span class=\"en\" lang=\"en\">" + CitizenPages.esc(e.getMessage()) + "</span></p>");
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read classpath:" + path, e);
        }
    }
}
