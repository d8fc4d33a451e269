package org.mitan.document;

import java.util.Optional;

/**
 * Photos other than scans (the delivery's proof of hand-over) checked as scans are: a JPEG or PNG by its first bytes,
 * decoded through to the end.
 */
public final class Photos {

    private Photos() {
    }

    /** The photo's media type, or what is wrong with it in words for the Mitan ("is not a JPEG or PNG photo"). */
    public static Checked check(byte[] content) {
        if (content == null || content.length == 0) {
            return new Checked(null, "is empty");
        }
        Optional<String> type = ContentTypes.detect(content)
                .filter(found -> ContentTypes.JPEG.equals(found) || ContentTypes.PNG.equals(found));
        if (type.isEmpty()) {
            return new Checked(null, "is not a JPEG or PNG photo (judged by its content, not its name)");
        }
        return new Checked(type.get(), ScanContents.problem(type.get(), content).orElse(null));
    }

    /** {@code problem} is null when the photo may be stored. */
    public record Checked(String contentType, String problem) {
    }
}
