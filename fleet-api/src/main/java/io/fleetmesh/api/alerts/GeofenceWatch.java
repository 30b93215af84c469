package io.fleetmesh.api.alerts;

import io.fleetmesh.api.telemetry.ReadingsStored;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cloud's geofence rules on stored GPS readings: when a device's position crosses a fence (inside at one
 * reading, outside at the next, by reading time), an enter or exit alert. The presence is kept in PostgreSQL, so
 * replicas agree and an older reading arriving late (a backfill) never turns it back; alerts from backfilled
 * readings are flagged so. A tenant's fences are cached for a few seconds.
 */
@Component
class GeofenceWatch {

    private static final Duration CACHE = Duration.ofSeconds(5);
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String MOVE = """
            INSERT INTO geofence_presence AS p (tenant_id, device_id, geofence_id, inside, at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, device_id, geofence_id) DO UPDATE SET inside = excluded.inside, at = excluded.at
            WHERE p.at < excluded.at AND p.inside <> excluded.inside""";
    private static final String SEEN = """
            INSERT INTO geofence_presence AS p (tenant_id, device_id, geofence_id, inside, at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (tenant_id, device_id, geofence_id) DO UPDATE SET at = excluded.at
            WHERE p.at < excluded.at AND p.inside = excluded.inside""";

    private record Fences(List<GeofenceDefinition> all, long loadedAt) {
    }

    private final GeofenceRepository geofences;
    private final AlertBook book;
    private final JdbcTemplate jdbc;
    private final AlertProperties properties;
    private final Clock clock;
    private final Map<UUID, Fences> cache = new ConcurrentHashMap<>();

    GeofenceWatch(GeofenceRepository geofences, AlertBook book, JdbcTemplate jdbc, AlertProperties properties, Clock clock) {
        this.geofences = geofences;
        this.book = book;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** A GPS reading's position: {@code gps} channel with numeric lat and lon. */
    record Position(String deviceId, Instant ts, double lat, double lon) {

        static Optional<Position> of(ReadingsStored.Stored reading) {
            if (!reading.channel().equals("gps")) {
                return Optional.empty();
            }
            JsonNode metrics = json.readTree(reading.metricsJson());
            JsonNode lat = metrics.get("lat");
            JsonNode lon = metrics.get("lon");
            return lat != null && lat.isNumber() && lon != null && lon.isNumber()
                    ? Optional.of(new Position(reading.deviceId(), reading.ts(), lat.doubleValue(), lon.doubleValue()))
                    : Optional.empty();
        }
    }

    @EventListener
    void on(ReadingsStored stored) {
        List<GeofenceDefinition> fences = fences(stored.tenantId());
        if (fences.isEmpty()) {
            return;
        }
        stored.readings().stream().map(Position::of).flatMap(Optional::stream)
                .forEach(position -> fences.forEach(fence -> check(stored.tenantId(), fence, position)));
    }

    void forget(UUID tenant) {
        cache.remove(tenant);
    }

    private List<GeofenceDefinition> fences(UUID tenant) {
        Fences cached = cache.get(tenant);
        if (cached == null || System.currentTimeMillis() - cached.loadedAt() > CACHE.toMillis()) {
            cached = new Fences(geofences.findByTenantIdOrderByName(tenant), System.currentTimeMillis());
            cache.put(tenant, cached);
        }
        return cached.all();
    }

    /** A first sighting only records where the device is; a crossing records it and may alert. */
    private void check(UUID tenant, GeofenceDefinition fence, Position position) {
        boolean inside = fence.geofence().contains(position.lat(), position.lon());
        Timestamp at = Timestamp.from(position.ts());
        Boolean before = jdbc.query("SELECT inside FROM geofence_presence WHERE tenant_id = ? AND device_id = ?"
                + " AND geofence_id = ?", rs -> rs.next() ? rs.getBoolean(1) : null, tenant, position.deviceId(), fence.id());
        if (before == null || before == inside) {
            jdbc.update(before == null ? MOVE : SEEN, tenant, position.deviceId(), fence.id(), inside, at);
            return;
        }
        if (jdbc.update(MOVE, tenant, position.deviceId(), fence.id(), inside, at) == 1 && fence.alertsOn(inside)) {
            alert(tenant, fence, position, inside);
        }
    }

    private void alert(UUID tenant, GeofenceDefinition fence, Position position, boolean entered) {
        String verb = entered ? "entered" : "left";
        boolean backfilled = properties.backfilled(position.ts(), clock.instant());
        book.raise(new AlertRaise(tenant, position.deviceId(), "geofence-" + (entered ? "enter" : "exit") + ":" + fence.id(),
                AlertSource.CLOUD, fence.severity(), position.deviceId() + " " + verb + " " + fence.name(), "gps",
                null, null, position.ts(), null, backfilled));
    }
}
