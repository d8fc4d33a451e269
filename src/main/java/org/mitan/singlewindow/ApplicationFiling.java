package org.mitan.singlewindow;

import java.util.List;
import java.util.Map;

/** What is filed on the single-window system for one request. */
public record ApplicationFiling(
        String requestNumber,
        String certificateType,
        String bodyCode,
        int ward,
        String citizenName,
        String citizenPhone,
        String address,
        Map<String, Object> particulars,
        List<FiledDocument> documents) {

    public record FiledDocument(String documentType, String sha256, long sizeBytes, String contentType) {
    }
}
