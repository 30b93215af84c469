package io.fleetmesh.api.taps;

import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.nats.client.JetStreamApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks at every tap's consumer on the hub each {@code fleetmesh.taps.monitor-interval}: its lag, acknowledgement
 * floor and redeliveries as Prometheus gauges ({@code fleetmesh_tap_*{tenant,tap}}) and its throughput; records a
 * gap, loudly, when the stream discarded what the tap had not acknowledged; and creates again, from the last floor
 * it saw, a consumer the hub lost (a wiped store, a hand-deleted consumer).
 */
@Component
class TapMonitor {

    private static final Logger log = LoggerFactory.getLogger(TapMonitor.class);
    private static final Duration YOUNG = Duration.ofMinutes(1);

    private record Key(UUID tenant, String tap) {
        static Key of(Tap tap) {
            return new Key(tap.tenant(), tap.name());
        }
    }

    private record Sample(TapStatus status, Instant at, Double throughput) {
    }

    private final TapStore store;
    private final TapConsumers consumers;
    private final TapLocks locks;
    private final MeshLinks links;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Key, Sample> samples = new ConcurrentHashMap<>();

    TapMonitor(TapStore store, TapConsumers consumers, TapLocks locks, MeshLinks links, MeterRegistry registry,
               Clock clock) {
        this.locks = locks;
        this.store = store;
        this.consumers = consumers;
        this.links = links;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fleetmesh.taps.monitor-interval:10s}", initialDelayString = "${fleetmesh.taps.monitor-interval:10s}")
    void lookAll() {
        for (TenantLink link : links.all()) {
            store.list(link.tenant()).forEach(tap -> look(link, tap));
        }
    }

    /** The tap's consumer as the hub has it now; empty if the hub cannot say. */
    Optional<TapStatus> status(Tap tap) {
        try {
            return Optional.of(consumers.status(links.of(tap.tenant()).orElseThrow(), tap));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    Double throughput(Tap tap) {
        Sample sample = samples.get(Key.of(tap));
        return sample == null ? null : sample.throughput();
    }

    void forget(Tap tap) {
        samples.remove(Key.of(tap));
        List.copyOf(registry.getMeters()).stream().filter(meter -> meter.getId().getName().startsWith("fleetmesh.tap.")
                        && tap.name().equals(meter.getId().getTag("tap"))
                        && tap.tenant().toString().equals(meter.getId().getTag("tenant")))
                .forEach(registry::remove);
    }

    /** A dead letter recorded for the tap: counted ({@code fleetmesh_tap_dead_letters_total}). */
    void deadLetter(Tap tap) {
        counter(tap, "fleetmesh.tap.dead.letters", "messages the tap's reader gave up on").increment();
    }

    private void look(TenantLink link, Tap tap) {
        try {
            TapStatus status = consumers.status(link, tap);
            sample(tap, status);
            // the consumer's own floor starts at 0 when it reads from the stream's first message: the stored one,
            // set when it was created or moved, is the floor until the consumer's passes it
            if (status.ackFloor() > tap.ackFloor()) {
                store.ackFloor(tap.tenant(), tap.name(), status.ackFloor());
            }
            gap(tap, Math.max(status.ackFloor(), tap.ackFloor()), status.streamFirst());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == TapConsumers.CONSUMER_NOT_FOUND) {
                recreate(link, tap);
            } else {
                log.warn("tap {} of tenant {} not looked at: {}", tap.name(), tap.tenant(), e.toString());
            }
        } catch (Exception e) {
            log.warn("tap {} of tenant {} not looked at: {}", tap.name(), tap.tenant(), e.toString());
        }
    }

    private void gap(Tap tap, long ackFloor, long streamFirst) {
        TapGap.detect(ackFloor, store.reportedUpTo(tap.tenant(), tap.name()), streamFirst,
                tap.settings().wholeStream(), clock.instant()).filter(gap -> store.recordGap(tap.tenant(), tap.name(), gap))
                .ifPresent(gap -> {
                    log.warn("tap {} of tenant {} missed {} {} messages: the stream discarded sequences {}..{} before it"
                            + " acknowledged them", tap.name(), tap.tenant(), gap.exact() ? "exactly" : "at most",
                            gap.messages(), gap.fromSequence(), gap.toSequence());
                    counter(tap, "fleetmesh.tap.missed", "messages the stream discarded before the tap read them")
                            .increment(gap.messages());
                });
    }

    /**
     * Not a tap created a moment ago: its consumer may be on its way (Taps.create). Not while the tap is reset or
     * deleted (TapLocks), and only the tap as it is then: still there, its consumer still missing, from its floor now.
     */
    private void recreate(TenantLink link, Tap seen) {
        if (seen.createdAt().isAfter(clock.instant().minus(YOUNG))) {
            return;
        }
        locks.ifFree(seen.tenant(), seen.name(), () -> store.find(seen.tenant(), seen.name())
                .filter(tap -> missing(link, tap)).ifPresent(tap -> recreateLocked(link, tap)));
    }

    private boolean missing(TenantLink link, Tap tap) {
        try {
            consumers.status(link, tap);
            return false;
        } catch (JetStreamApiException e) {
            return e.getApiErrorCode() == TapConsumers.CONSUMER_NOT_FOUND;
        } catch (Exception e) {
            return false;
        }
    }

    private void recreateLocked(TenantLink link, Tap tap) {
        try {
            store.ackFloor(tap.tenant(), tap.name(), consumers.create(link, tap, TapStart.sequence(tap.ackFloor() + 1)));
            log.warn("tap {} of tenant {}: its consumer was missing on the hub, created again from sequence {}",
                    tap.name(), tap.tenant(), tap.ackFloor() + 1);
        } catch (Exception e) {
            log.warn("tap {} of tenant {}: its missing consumer not created again yet: {}", tap.name(), tap.tenant(),
                    e.toString());
        }
    }

    private void sample(Tap tap, TapStatus status) {
        Instant now = clock.instant();
        Sample previous = samples.put(Key.of(tap), new Sample(status, now, throughput(samples.get(Key.of(tap)), status, now)));
        if (previous == null) {
            register(tap);
        }
    }

    private static Double throughput(Sample previous, TapStatus status, Instant now) {
        if (previous == null || !now.isAfter(previous.at())) {
            return null;
        }
        long acknowledged = Math.max(0, status.acknowledgedDeliveries() - previous.status().acknowledgedDeliveries());
        return acknowledged / (Duration.between(previous.at(), now).toNanos() / 1e9);
    }

    private void register(Tap tap) {
        gauge(tap, "fleetmesh.tap.pending", "matching messages not delivered yet: the lag", TapStatus::pending);
        gauge(tap, "fleetmesh.tap.ack.pending", "delivered, not acknowledged", TapStatus::ackPending);
        gauge(tap, "fleetmesh.tap.redelivered", "delivered more than once, not acknowledged", TapStatus::redelivered);
        gauge(tap, "fleetmesh.tap.ack.floor", "stream sequence up to which all is acknowledged", TapStatus::ackFloor);
        Gauge.builder("fleetmesh.tap.throughput", this, monitor -> orNaN(monitor.throughput(tap)))
                .tags(tags(tap)).description("acknowledged deliveries per second").register(registry);
    }

    private void gauge(Tap tap, String name, String description, ToDoubleFunction<TapStatus> value) {
        Gauge.builder(name, samples, all -> Optional.ofNullable(all.get(Key.of(tap)))
                .map(sample -> value.applyAsDouble(sample.status())).orElse(Double.NaN))
                .tags(tags(tap)).description(description).register(registry);
    }

    private Counter counter(Tap tap, String name, String description) {
        return Counter.builder(name).tags(tags(tap)).description(description).register(registry);
    }

    private static Tags tags(Tap tap) {
        return Tags.of("tenant", tap.tenant().toString(), "tap", tap.name());
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
