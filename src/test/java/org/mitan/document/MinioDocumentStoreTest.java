package org.mitan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store against a real S3 API server (S3Proxy, in this JVM), signed with real credentials. */
class MinioDocumentStoreTest {

    private static final String ACCESS_KEY = "store-test-access";
    private static final String SECRET_KEY = "store-test-secret";

    private static S3Proxy proxy;
    private static String endpoint;
    private static int bucketCounter;

    private MinioClient client;
    private MinioDocumentStore store;
    private String bucket;

    @BeforeAll
    static void startS3() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        endpoint = "http://127.0.0.1:" + port;
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create(endpoint))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
    }

    @AfterAll
    static void stopS3() throws Exception {
        proxy.stop();
    }

    @BeforeEach
    void newBucket() {
        bucket = "docs-" + (++bucketCounter);
        StorageProperties storage = new StorageProperties(endpoint, "us-east-1", bucket, ACCESS_KEY, SECRET_KEY);
        client = new StorageConfiguration().minioClient(storage);
        store = new MinioDocumentStore(client, storage);
    }

    @Test
    void createsTheBucketAtStartupWhenMissingAndAcceptsItWhenPresent() throws Exception {
        assertThat(client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isFalse();

        store.createBucketIfMissing();
        assertThat(client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();

        store.createBucketIfMissing();
        assertThat(client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())).isTrue();
    }

    @Test
    void writesAndReadsBackTheBytesWithTheirContentTypeAndSize() throws Exception {
        store.createBucketIfMissing();
        byte[] scan = "%PDF-1.7 a birth report".getBytes(StandardCharsets.US_ASCII);

        store.put("documents/RPR-2026-000001/abc", scan, "application/pdf");

        try (InputStream in = store.open("documents/RPR-2026-000001/abc").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(scan);
        }
        assertThat(store.size("documents/RPR-2026-000001/abc")).contains((long) scan.length);
        assertThat(client.statObject(StatObjectArgs.builder().bucket(bucket).object("documents/RPR-2026-000001/abc")
                .build()).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void writingTheSameKeyAgainIsHarmless() throws Exception {
        store.createBucketIfMissing();
        byte[] scan = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

        store.put("documents/x/same", scan, "image/jpeg");
        store.put("documents/x/same", scan, "image/jpeg");

        try (InputStream in = store.open("documents/x/same").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(scan);
        }
    }

    @Test
    void listsEveryObjectUnderEveryPrefixWithItsSizeAndTime() {
        store.createBucketIfMissing();
        java.time.Instant before = java.time.Instant.now().minusSeconds(5);
        store.put("documents/RPR-2026-000001/aa", new byte[] {1, 2, 3}, "image/png");
        store.put("documents/RPR-2026-000002/bb", new byte[] {4}, "image/png");
        store.put("certificates/cc.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        java.util.List<StoredObject> listed = new java.util.ArrayList<>();

        store.forEachObject(listed::add);

        assertThat(listed).extracting(StoredObject::key).containsExactlyInAnyOrder("documents/RPR-2026-000001/aa",
                "documents/RPR-2026-000002/bb", "certificates/cc.pdf");
        assertThat(listed).filteredOn(object -> object.key().endsWith("/aa")).singleElement()
                .satisfies(object -> assertThat(object.sizeBytes()).isEqualTo(3))
                .satisfies(object -> assertThat(object.lastModified()).isAfter(before));
    }

    @Test
    void aMissingKeyIsEmptyNotAnError() {
        store.createBucketIfMissing();

        assertThat(store.open("documents/none/such")).isEmpty();
        assertThat(store.size("documents/none/such")).isEmpty();
    }

    @Test
    void wrongCredentialsAreAnObjectStoreFailureNamingTheStore() {
        StorageProperties wrong = new StorageProperties(endpoint, "us-east-1", bucket, ACCESS_KEY, "not-the-secret");
        MinioDocumentStore refused = new MinioDocumentStore(new StorageConfiguration().minioClient(wrong), wrong);

        assertThatThrownBy(refused::createBucketIfMissing)
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining(endpoint)
                .hasMessageContaining(bucket);
    }

    @Test
    void anUnreachableStoreIsAnObjectStoreFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StorageProperties nowhere = new StorageProperties("http://127.0.0.1:" + closedPort, "us-east-1", bucket,
                ACCESS_KEY, SECRET_KEY);
        MinioDocumentStore unreachable = new MinioDocumentStore(new StorageConfiguration().minioClient(nowhere),
                nowhere);

        assertThatThrownBy(() -> unreachable.size("documents/x/y"))
                .isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("could not inspect documents/x/y");
    }
}
