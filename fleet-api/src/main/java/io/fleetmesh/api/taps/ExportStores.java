package io.fleetmesh.api.taps;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** The export store this installation is configured with: a bucket if {@code fleetmesh.exports.s3.bucket} is set. */
@Configuration
@EnableConfigurationProperties(ExportProperties.class)
class ExportStores {

    @Bean
    ExportStore exportStore(ExportProperties properties) {
        return !StringUtils.hasText(properties.s3().bucket()) ? new ExportDirectory(properties.directory())
                : new ExportBucket(properties.s3());
    }
}
