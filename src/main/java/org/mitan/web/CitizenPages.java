package org.mitan.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The small public pages a citizen opens from an SMS or a QR code (the request's status, the certificate check):
 * one look, Hindi first with English beside it, readable on a cheap phone, no script. A browser gets the page; a
 * client that does not ask for HTML gets JSON.
 */
public final class CitizenPages {

    private CitizenPages() {
    }

    /** Whether the caller asked for a page: its Accept header names {@code text/html} (every browser's does). */
    public static boolean wantsPage(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.getQualityValue() > 0
                    && type.getType().equals("text") && type.getSubtype().equals("html"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Text for HTML, every markup sign escaped. */
    public static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** The page around the body (already HTML), never cached. */
    public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String page = """
                <!doctype html><html lang="hi"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>""" + esc(title) + """
                </title>
                <style>
                body{margin:0 auto;max-width:40rem;padding:1rem;font:18px/1.45 "Noto Sans Devanagari","Noto Sans",
                system-ui,sans-serif;color:#111;background:#f4f4f0}
                h1{font-size:1.3rem}h1 small,.en{display:block;font-size:.8em;color:#444;font-weight:400}
                h2{font-size:1.05rem}.muted{color:#444;font-size:.9rem}
                .msg{background:#fff;border-left:4px solid #0b4f6c;padding:.5rem .75rem}
                .msg.ok{border-color:#1d7a3a}.msg.bad{border-color:#b00020}
                .steps{list-style:none;padding:0}.steps li{background:#fff;border:1px solid #c9c9c0;border-radius:.5rem;
                padding:.6rem .75rem .6rem 2.4rem;margin:.4rem 0;position:relative}
                .steps li:before{content:"○";position:absolute;left:.8rem;top:.55rem;font-weight:700;color:#777}
                .steps li.done:before{content:"✓";color:#1d7a3a}.steps li.now{border:3px solid #0b4f6c}
                .steps li.now:before{content:"●";color:#0b4f6c}.steps li.todo{color:#555}
                .date{display:block;font-size:.85rem;color:#333}a{color:#0b4f6c;font-weight:700}
                dl{background:#fff;border:1px solid #c9c9c0;border-radius:.5rem;padding:.6rem .75rem}
                dt{font-size:.85rem;color:#444}dd{margin:0 0 .5rem;font-weight:700}
                </style></head><body>
                <p class="muted">मितान · Mitan — हमर सरकार हमर द्वार</p>
                """ + body + """
                <p class="muted">सहायता · Help: <a href="tel:14545">14545</a></p></body></html>
                """;
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }
}
