package org.mitan.document;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a scan says it is, told by its first bytes and never by its name or the browser's claim.
 * Only PDF, JPEG and PNG are accepted: what officers can open anywhere and what a tablet's scanner writes. The first
 * bytes only sort the file: {@link ScanContents} then checks that the whole of it is what it says.
 */
final class ContentTypes {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    /** The accepted formats, in words for messages. */
    static final String ACCEPTED_IN_WORDS = "PDF, JPEG or PNG";

    /** How many leading bytes {@link #detect} needs at most. */
    static final int SIGNATURE_LENGTH = 8;

    private static final byte[] PDF_SIGNATURE = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private ContentTypes() {
    }

    /** The media type of the content by its magic bytes; empty for anything that is not PDF, JPEG or PNG. */
    static Optional<String> detect(byte[] content) {
        if (startsWith(content, PDF_SIGNATURE)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, JPEG_SIGNATURE)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        return Optional.empty();
    }

    /** File name extension for a detected media type, for the download's file name. */
    static String extension(String contentType) {
        return switch (contentType) {
            case PDF -> ".pdf";
            case JPEG -> ".jpg";
            case PNG -> ".png";
            default -> "";
        };
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        return content != null && content.length >= signature.length
                && Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
    }
}
