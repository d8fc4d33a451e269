package org.mitan.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@link DocumentStore} on any S3 API through the MinIO client; one bucket, created at startup if missing. */
@Component
class MinioDocumentStore implements DocumentStore {

    private static final Logger log = LoggerFactory.getLogger(MinioDocumentStore.class);
    private static final Set<String> NO_SUCH_OBJECT = Set.of("NoSuchKey", "NoSuchObject");
    private static final Set<String> BUCKET_ALREADY_THERE = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");

    private final MinioClient client;
    private final String bucket;
    private final String endpoint;

    MinioDocumentStore(MinioClient client, StorageProperties storage) {
        this.client = client;
        this.bucket = storage.bucket();
        this.endpoint = storage.endpoint();
    }

    /** Creates the bucket when it does not exist yet; an unreachable store stops the start with its address. */
    @PostConstruct
    void createBucketIfMissing() {
        call("check or create bucket " + bucket, () -> {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                return null;
            }
            try {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                log.info("Created bucket {} at {}", bucket, endpoint);
            } catch (ErrorResponseException e) {
                if (!BUCKET_ALREADY_THERE.contains(e.errorResponse().code())) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        call("write " + key, () -> client.putObject(PutObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(contentType)
                .build()));
    }

    @Override
    public Optional<InputStream> open(String key) {
        return call("read " + key, () -> {
            try {
                return Optional.of(client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
            } catch (ErrorResponseException e) {
                return absentIfNoSuchObject(e);
            }
        });
    }

    @Override
    public Optional<Long> size(String key) {
        return call("inspect " + key, () -> {
            try {
                return Optional.of(client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build())
                        .size());
            } catch (ErrorResponseException e) {
                return absentIfNoSuchObject(e);
            }
        });
    }

    @Override
    public void forEachObject(Consumer<StoredObject> action) {
        call("list the objects", () -> {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true)
                    .build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    action.accept(new StoredObject(item.objectName(), item.size(),
                            item.lastModified() == null ? Instant.EPOCH : item.lastModified().toInstant()));
                }
            }
            return null;
        });
    }

    private static <T> Optional<T> absentIfNoSuchObject(ErrorResponseException e) throws ErrorResponseException {
        if (NO_SUCH_OBJECT.contains(e.errorResponse().code())) {
            return Optional.empty();
        }
        throw e;
    }

    private <T> T call(String what, StoreCall<T> call) {
        try {
            return call.run();
        } catch (MinioException | IOException | GeneralSecurityException e) {
            throw new ObjectStoreException("Object store at " + endpoint + " (bucket " + bucket + ") could not "
                    + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T run() throws MinioException, IOException, GeneralSecurityException;
    }
}
