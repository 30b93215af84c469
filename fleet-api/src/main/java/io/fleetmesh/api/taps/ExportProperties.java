package io.fleetmesh.api.taps;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Taps' exports ({@code fleetmesh.exports.*}).
 *
 * @param directory where the files go, under {@code <tenant>/<tap>/<yyyy>/<MM>/<dd>/<HH>/} (UTC hours), unless
 *                  {@code s3.bucket} is set
 * @param s3        an S3-compatible bucket instead, the same keys under its {@code prefix}
 * @param interval  how often each exporting tap is read; fewer, larger files the longer it is
 * @param batch     the most messages read (and held unacknowledged) at once: at most this many rows per file
 */
@ConfigurationProperties("fleetmesh.exports")
record ExportProperties(@DefaultValue(".fleetmesh/exports") Path directory, @DefaultValue S3 s3,
                        @DefaultValue("5m") Duration interval, @DefaultValue("100000") int batch) {

    /**
     * @param bucket    the bucket (FLEETMESH_EXPORTS_S3_BUCKET); unset: exports go to {@code directory}
     * @param endpoint  an S3-compatible store's URL (MinIO: {@code http://minio:9000}); unset: AWS
     * @param region    the bucket's region
     * @param pathStyle {@code http://host/bucket/key} addresses, which most S3-compatible stores need
     * @param accessKey with {@code secretKey}; unset: the SDK's default chain (environment, instance profile)
     * @param secretKey from a secret, never from the repository
     * @param prefix    keys start with it
     */
    record S3(String bucket, String endpoint, @DefaultValue("us-east-1") String region,
              @DefaultValue("true") boolean pathStyle, String accessKey, String secretKey,
              @DefaultValue("") String prefix) {
    }
}
