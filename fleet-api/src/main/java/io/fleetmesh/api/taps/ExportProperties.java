package io.fleetmesh.api.taps;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Taps' exports ({@code fleetmesh.exports.*}).
 *
 * @param directory where the files go, under {@code <tenant>/<tap>/<yyyy>/<MM>/<dd>/<HH>/} (UTC hours)
 * @param interval  how often each exporting tap is read; fewer, larger files the longer it is
 * @param batch     the most messages read (and held unacknowledged) at once: at most this many rows per file
 */
@ConfigurationProperties("fleetmesh.exports")
record ExportProperties(@DefaultValue(".fleetmesh/exports") Path directory, @DefaultValue("5m") Duration interval,
                        @DefaultValue("100000") int batch) {
}
