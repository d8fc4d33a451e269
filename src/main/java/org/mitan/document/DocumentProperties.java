package org.mitan.document;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Limits on uploaded scans ({@code mitan.documents.*}). */
@Validated
@ConfigurationProperties("mitan.documents")
record DocumentProperties(@DefaultValue("10485760") @Positive long maxBytes) {

    /** The limit in words a Mitan understands, e.g. "10 MB". */
    String maxSizeInWords() {
        return inWords(maxBytes);
    }

    static String inWords(long bytes) {
        long kib = 1024;
        long mib = kib * 1024;
        if (bytes < kib) {
            return bytes + " bytes";
        }
        if (bytes < mib) {
            return Math.round(bytes / (double) kib) + " KB";
        }
        String megabytes = String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) mib);
        return (megabytes.endsWith(".0") ? megabytes.substring(0, megabytes.length() - 2) : megabytes) + " MB";
    }
}
