package io.fleetmesh.api.fuel;

import io.fleetmesh.api.fuel.FuelEvents.FuelDrained;
import io.fleetmesh.api.fuel.FuelEvents.Refuelled;
import io.fleetmesh.api.telemetry.DeviceReadings;
import io.fleetmesh.api.telemetry.ReadingsStored;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the devices with fuel settings on from their checkpoints: per device, in one transaction holding its
 * tracker, the readings after it go through the detector, and its changes, levels and new state are stored together
 * (a replica that finds the tracker held skips it). A change found is told to the platform as an event unless it
 * ended long ago (settings just set, history read again): old drains are reported, not notified. Prometheus:
 * {@code fleetmesh_fuel_changes_total{kind}}, {@code fleetmesh_fuel_readings_total}.
 */
@Component
@EnableConfigurationProperties(FuelProperties.class)
class FuelFollower {

    private static final Logger log = LoggerFactory.getLogger(FuelFollower.class);
    static final int CHUNK = 5_000;
    private static final int DEVICES_PER_ROUND = 500;
    private static final Duration TOLD_WITHIN = Duration.ofHours(1);
    private static final JsonMapper json = JsonMapper.builder().build();

    private final FuelLog fuel;
    private final DeviceReadings readings;
    private final FuelProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry registry;

    FuelFollower(FuelLog fuel, DeviceReadings readings, FuelProperties properties, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions, Clock clock, MeterRegistry registry) {
        this.fuel = fuel;
        this.readings = readings;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.registry = registry;
    }

    @Scheduled(fixedDelayString = "${fleetmesh.fuel.poll:5s}")
    void poll() {
        fuel.trackers(DEVICES_PER_ROUND).forEach(this::catchUp);
    }

    /** A few chunks at most per device and round, so that one device's long history does not hold up the others. */
    void catchUp(FuelLog.Tracker tracker) {
        for (int chunk = 0; chunk < 10 && follow(tracker) == CHUNK; chunk++) {
            log.debug("fuel of {} goes on", tracker.deviceId());
        }
    }

    private int follow(FuelLog.Tracker tracker) {
        try {
            Integer read = transaction.execute(status -> fuel.lock(tracker.tenantId(), tracker.deviceId()).map(this::read)
                    .orElse(0));
            return read == null ? 0 : read;
        } catch (RuntimeException e) {
            log.warn("fuel of {} failed, retried next round: {}", tracker.deviceId(), e.toString());
            return 0;
        }
    }

    private int read(FuelLog.Tracker held) {
        FuelSettings settings = held.settings();
        fuel.polled(held.tenantId(), held.deviceId());
        List<ReadingsStored.Stored> batch = readings.after(held.tenantId(), held.deviceId(),
                List.of(settings.channel(), "gps").stream().distinct().toList(), held.checkpoint(), CHUNK);
        if (batch.isEmpty()) {
            return 0;
        }
        FuelDetector detector = new FuelDetector(properties.forTank(settings.tankLitres()), held.state());
        batch.forEach(reading -> feed(detector, settings, reading));
        detector.changes().forEach(change -> record(held, change));
        fuel.keep(held.tenantId(), held.deviceId(), detector.levels());
        fuel.save(held.tenantId(), held.deviceId(), batch.get(batch.size() - 1).ts(), detector.state());
        registry.counter("fleetmesh.fuel.readings").increment(batch.size());
        return batch.size();
    }

    private static void feed(FuelDetector detector, FuelSettings settings, ReadingsStored.Stored reading) {
        JsonNode metrics = json.readTree(reading.metricsJson());
        if (reading.channel().equals("gps") && finite(metrics.get("speed"))) {
            detector.speed(reading.ts(), metrics.get("speed").doubleValue());
        }
        if (reading.channel().equals(settings.channel()) && finite(metrics.get(settings.metric()))) {
            detector.level(reading.ts(), settings.litres(metrics.get(settings.metric()).doubleValue()));
        }
    }

    private void record(FuelLog.Tracker held, FuelChange change) {
        if (!fuel.record(held.tenantId(), held.deviceId(), change)) {
            return;
        }
        registry.counter("fleetmesh.fuel.changes", "kind", change.kind().apiName()).increment();
        log.info("fuel {}: device={} litres={} started={} ended={}", change.kind().apiName(), held.deviceId(),
                Math.round(change.litres()), change.startedAt(), change.endedAt());
        if (change.endedAt().isAfter(clock.instant().minus(TOLD_WITHIN))) {
            events.publishEvent(change.kind() == FuelChange.Kind.DRAIN
                    ? new FuelDrained(held.tenantId(), held.deviceId(), change.startedAt(), change.endedAt(), change.litres())
                    : new Refuelled(held.tenantId(), held.deviceId(), change.startedAt(), change.endedAt(), change.litres()));
        }
    }

    private static boolean finite(JsonNode value) {
        return value != null && value.isNumber() && Double.isFinite(value.doubleValue());
    }
}
