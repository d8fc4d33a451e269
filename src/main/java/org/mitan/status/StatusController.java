package org.mitan.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.mitan.catalogue.Names;
import org.mitan.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Public, by the link in every SMS to the citizen: {@code GET /status/{code}} shows where the request stands, as a
 * small page in Hindi and English for a browser, or as JSON for a client that asks for JSON. Never cached: it
 * changes as the request moves.
 */
@RestController
class StatusController {

    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final CitizenStatus status;

    StatusController(CitizenStatus status) {
        this.status = status;
    }

    @GetMapping(path = "/status/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CitizenStatus.View> json(@PathVariable String code) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status.describe(code));
    }

    @GetMapping(path = "/status/{code}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String code) {
        CitizenStatus.View view;
        try {
            view = status.describe(code);
        } catch (ApiException e) {
            if (e.getStatus() != HttpStatus.NOT_FOUND) {
                throw e;
            }
            return html(HttpStatus.NOT_FOUND, "<h1>लिंक नहीं मिला · Link not found</h1>"
                    + "<p>इस लिंक से कोई आवेदन नहीं मिला। अपने SMS का लिंक जाँचें या 14545 पर फ़ोन करें।</p>"
                    + "<p lang=\"en\">" + esc(e.getMessage()) + "</p>");
        }
        return html(HttpStatus.OK, body(view));
    }

    private static String body(CitizenStatus.View view) {
        StringBuilder page = new StringBuilder();
        page.append("<h1>").append(esc(view.service().hi())).append(" <small lang=\"en\">")
                .append(esc(view.service().en())).append("</small></h1>")
                .append("<p class=\"muted\">आवेदन · Request <b>").append(esc(view.requestNumber()))
                .append("</b> · ").append(esc(view.citizen())).append("</p>");
        if (view.outcome() != null) {
            page.append("<p class=\"msg\" id=\"outcome\">").append(both(view.outcome())).append("</p>");
        }
        if (view.expectedBy() != null) {
            page.append("<p id=\"expected\">पूरा होने की अपेक्षित तिथि · Expected by <b>")
                    .append(date(view.expectedBy())).append("</b></p>");
        }
        page.append("<ol class=\"steps\">");
        for (CitizenStatus.StepView step : view.steps()) {
            String state = step.current() ? "now" : step.reachedOn() != null ? "done" : "todo";
            page.append("<li class=\"").append(state).append("\" data-stage=\"").append(step.stage()).append("\">")
                    .append(both(step.name()));
            if (step.reachedOn() != null) {
                page.append("<span class=\"date\">").append(date(step.reachedOn())).append("</span>");
            }
            if ("MITAN_ASSIGNED".equals(step.stage()) && view.mitan() != null) {
                page.append("<span class=\"date\">").append(esc(view.mitan().name()))
                        .append(" · <a href=\"tel:+91").append(esc(view.mitan().phone())).append("\">")
                        .append(esc(view.mitan().phone())).append("</a></span>");
            }
            page.append("</li>");
        }
        page.append("</ol>");
        if (view.officeRemarks() != null) {
            page.append("<h2>कार्यालय की टिप्पणी · The office's remarks</h2><p class=\"msg\" id=\"remarks\">")
                    .append(esc(view.officeRemarks())).append("</p>");
        }
        if (!view.missingDocuments().isEmpty()) {
            page.append("<h2>ये दस्तावेज़ तैयार रखें · Keep these documents ready</h2><ul id=\"missing\">");
            view.missingDocuments().forEach(names -> page.append("<li>").append(both(names)).append("</li>"));
            page.append("</ul>");
        }
        if (view.verifyUrl() != null) {
            page.append("<p>प्रमाण पत्र · Certificate <b>").append(esc(view.certificateNumber()))
                    .append("</b> · <a href=\"").append(esc(view.verifyUrl())).append("\">जाँचें · Verify</a></p>");
        }
        page.append("<p class=\"muted\">सहायता · Help: <a href=\"tel:14545\">14545</a></p>");
        return page.toString();
    }

    private static String both(Names names) {
        return esc(names.hi()) + " <span lang=\"en\" class=\"en\">" + esc(names.en()) + "</span>";
    }

    private static String date(LocalDate date) {
        return esc(DATE_EN.format(date));
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        String page = """
                <!doctype html><html lang="hi"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>मितान: आवेदन की स्थिति · Mitan: request status</title>
                <style>
                body{margin:0 auto;max-width:40rem;padding:1rem;font:18px/1.45 "Noto Sans Devanagari","Noto Sans",
                system-ui,sans-serif;color:#111;background:#f4f4f0}
                h1{font-size:1.3rem}h1 small,.en{display:block;font-size:.8em;color:#444;font-weight:400}
                h2{font-size:1.05rem}.muted{color:#444;font-size:.9rem}
                .msg{background:#fff;border-left:4px solid #0b4f6c;padding:.5rem .75rem}
                .steps{list-style:none;padding:0}.steps li{background:#fff;border:1px solid #c9c9c0;border-radius:.5rem;
                padding:.6rem .75rem .6rem 2.4rem;margin:.4rem 0;position:relative}
                .steps li:before{content:"○";position:absolute;left:.8rem;top:.55rem;font-weight:700;color:#777}
                .steps li.done:before{content:"✓";color:#1d7a3a}.steps li.now{border:3px solid #0b4f6c}
                .steps li.now:before{content:"●";color:#0b4f6c}.steps li.todo{color:#555}
                .date{display:block;font-size:.85rem;color:#333}a{color:#0b4f6c;font-weight:700}
                </style></head><body>
                """ + "<p class=\"muted\">मितान · Mitan — हमर सरकार हमर द्वार</p>" + body + "</body></html>";
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(page);
    }
}
