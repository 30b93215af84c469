package io.fleetmesh.api.taps;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.util.StringUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * Exports into an S3-compatible bucket (AWS S3, MinIO, Ceph...). An object appears whole when its upload completes,
 * so a file is written locally first and put in one request, whole: neither the SDK's chunked signing nor its
 * default trailing checksums, which several S3-compatible stores do not take.
 */
class ExportBucket implements ExportStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    ExportBucket(ExportProperties.S3 settings) {
        this.s3 = client(settings);
        this.bucket = settings.bucket();
        this.prefix = settings.prefix().isEmpty() || settings.prefix().endsWith("/") ? settings.prefix()
                : settings.prefix() + "/";
    }

    private static S3Client client(ExportProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings.region())).forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(!StringUtils.hasText(settings.accessKey()) ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                        settings.secretKey())));
        if (StringUtils.hasText(settings.endpoint())) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        return builder.build();
    }

    @Override
    public Optional<Long> writtenFrom(String folder, long from, ExportFormat format) {
        String start = prefix + folder + "/" + "%020d-".formatted(from);
        return ExportStore.endOf(s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(start)).contents().stream()
                .map(object -> object.key().substring(object.key().lastIndexOf('/') + 1)), from, format);
    }

    @Override
    public long write(String key, FileWriter writer) throws IOException {
        Path file = Files.createTempFile("fleetmesh-export-", ".part");
        try {
            writer.write(file);
            s3.putObject(put -> put.bucket(bucket).key(prefix + key), file);
            return Files.size(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
