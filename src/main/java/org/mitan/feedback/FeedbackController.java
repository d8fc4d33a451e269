package org.mitan.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.mitan.feedback.FeedbackService.FeedbackForm;
import org.mitan.feedback.FeedbackService.GivenFeedback;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    @GetMapping(path = "/feedback/{feedbackCode}", produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String feedbackCode) {
        feedback.requestOf(feedbackCode);
        return page;
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read classpath:" + path, e);
        }
    }
}
