package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Readings per second arriving on each tenant's hub TELEMETRY stream over the last minute, sampled from the
 * stream's last sequence: the whole fleet's rate, whichever replicas store it, at the cost of one stream-info call
 * per tenant every few seconds.
 */
@Component
public class IngestRate {

    private static final Logger log = LoggerFactory.getLogger(IngestRate.class);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Sample(Instant at, long lastSequence) {
    }

    private final MeshLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<UUID, Deque<Sample>> samples = new ConcurrentHashMap<>();

    IngestRate(MeshLinks links, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fleetmesh.telemetry.rate-sample:5s}")
    void sample() {
        links.all().forEach(this::sample);
    }

    private void sample(TenantLink link) {
        try {
            long last = link.connection().jetStreamManagement().getStreamInfo(HubStreams.TELEMETRY).getStreamState()
                    .getLastSequence();
            Deque<Sample> window = samples.computeIfAbsent(link.tenant(), tenant -> new ArrayDeque<>());
            synchronized (window) {
                window.addLast(new Sample(clock.instant(), last));
                while (window.size() > 2 && window.peekFirst().at().isBefore(clock.instant().minus(WINDOW))) {
                    window.removeFirst();
                }
            }
            events.publishEvent(new IngestRateSampled(link.tenant(), perSecond(link.tenant())));
        } catch (Exception e) {
            log.debug("ingest rate of tenant {} not sampled: {}", link.tenant(), e.toString());
        }
    }

    /** Readings a second over the last minute (or since the first sample); 0 before two samples. */
    public double perSecond(UUID tenant) {
        Deque<Sample> window = samples.get(tenant);
        if (window == null) {
            return 0;
        }
        synchronized (window) {
            if (window.size() < 2) {
                return 0;
            }
            double seconds = Duration.between(window.peekFirst().at(), window.peekLast().at()).toMillis() / 1000.0;
            return seconds <= 0 ? 0 : Math.max(0, window.peekLast().lastSequence() - window.peekFirst().lastSequence()) / seconds;
        }
    }
}
