package org.mitan.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.mitan.catalogue.Names;
import org.mitan.failure.Refusal;
import org.mitan.web.CitizenPages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public, by the link in every SMS to the citizen: {@code GET /status/{code}} shows where the request stands, as a
 * small page in Hindi and English for a browser, or as JSON for any other client. Never cached: it changes as the
 * request moves.
 */
@RestController
class StatusController {

    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final CitizenStatus status;

    StatusController(CitizenStatus status) {
        this.status = status;
    }

    /** The page for a browser (its Accept names text/html), JSON for anyone else. */
    @GetMapping("/status/{code}")
    ResponseEntity<?> status(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (!CitizenPages.wantsPage(accept)) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status.describe(code));
        }
        CitizenStatus.View view;
        try {
            view = status.describe(code);
        } catch (Refusal e) {
            if (e.getKind() != Refusal.Kind.NOT_FOUND) {
                throw e;
            }
            return CitizenPages.page(HttpStatus.NOT_FOUND, "मितान · Mitan", "<h1>लिंक नहीं मिला · Link not found</h1>"
                    + "<p>इस लिंक से कोई आवेदन नहीं मिला। अपने SMS का लिंक जाँचें या 14545 पर फ़ोन करें।</p>"
                    + "<p lang=\"en\">" + esc(e.getMessage()) + "</p>");
        }
        return CitizenPages.page(HttpStatus.OK, "मितान: आवेदन की स्थिति · Mitan: request status", body(view));
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
            if (step.dueBy() != null) {
                page.append("<span class=\"date\">अगला कदम अपेक्षित · Next step expected by ")
                        .append(date(step.dueBy())).append("</span>");
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
        if (!view.fees().isEmpty()) {
            page.append("<h2>शुल्क · Fees</h2><ul id=\"fees\">");
            view.fees().forEach(fee -> page.append("<li>").append(both(fee.name())).append(": ₹")
                    .append(fee.rupees()).append(feeState(fee)).append("</li>"));
            page.append("</ul>");
        }
        if (view.verifyUrl() != null) {
            page.append("<p>प्रमाण पत्र · Certificate <b>").append(esc(view.certificateNumber()))
                    .append("</b> · <a href=\"").append(esc(view.verifyUrl())).append("\">जाँचें · Verify</a></p>");
        }
        return page.toString();
    }

    /**
     * Paid (with the receipt), or due (with the gateway's page to pay on, if it gave one); nothing while no payment of
     * the fee has been ordered or collected.
     */
    private static String feeState(CitizenStatus.FeeView fee) {
        if (fee.paid() == null) {
            return "";
        }
        if (fee.paid()) {
            return " · <b class=\"paid\">चुकाया · paid</b>" + (fee.receiptNumber() == null ? ""
                    : " (रसीद · receipt " + esc(fee.receiptNumber()) + ")");
        }
        return " · <b class=\"due\">देय · due</b>" + (fee.payUrl() == null ? ""
                : " · <a href=\"" + esc(fee.payUrl()) + "\">अभी भुगतान करें · Pay now</a>");
    }

    private static String both(Names names) {
        return esc(names.hi()) + " <span lang=\"en\" class=\"en\">" + esc(names.en()) + "</span>";
    }

    private static String date(LocalDate date) {
        return esc(DATE_EN.format(date));
    }

    private static String esc(String text) {
        return CitizenPages.esc(text);
    }
}
