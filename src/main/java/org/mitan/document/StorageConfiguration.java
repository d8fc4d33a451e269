package org.mitan.document;

import io.minio.MinioClient;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The S3 client for the document store, built from {@code mitan.storage.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, DocumentProperties.class})
class StorageConfiguration {

    /** The region is set explicitly: without it the client asks the server for the bucket's location first. */
    @Bean
    MinioClient minioClient(StorageProperties storage) {
        return MinioClient.builder()
                .endpoint(storage.endpoint())
                .region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey())
                .build();
    }
}
