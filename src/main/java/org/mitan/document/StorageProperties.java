package org.mitan.document;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where scans and certificate PDFs are kept: any S3 API (MinIO in production, S3Proxy in tests).
 * The keys have no default: the app refuses to start without them rather than use a well-known password.
 */
@Validated
@ConfigurationProperties("mitan.storage")
record StorageProperties(
        @NotBlank(message = "must be set to the address of the S3 API, e.g. http://minio:9000 (MITAN_S3_ENDPOINT)")
        String endpoint,
        @NotBlank(message = "must be set explicitly, e.g. us-east-1 (MITAN_S3_REGION)")
        String region,
        @NotBlank(message = "must name the bucket for documents (MITAN_S3_BUCKET)")
        String bucket,
        @NotBlank(message = "must be set: the object store has no default credentials (MITAN_S3_ACCESS_KEY)")
        String accessKey,
        @NotBlank(message = "must be set: the object store has no default credentials (MITAN_S3_SECRET_KEY)")
        String secretKey) {

    /** Never prints the secret key (records print every component by default). */
    @Override
    public String toString() {
        return "StorageProperties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket
                + ", accessKey=" + accessKey + ", secretKey=" + (secretKey == null || secretKey.isBlank() ? "" : "****")
                + "]";
    }
}
