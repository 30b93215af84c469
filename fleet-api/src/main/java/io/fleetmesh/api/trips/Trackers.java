package io.fleetmesh.api.trips;

import io.fleetmesh.api.telemetry.TelemetryChanges.Changed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each device's place in trip detection (trip_trackers). */
@Component
class Trackers {

    /**
     * {@code state} is null when the stored one could not be read; {@code behind}: the last round left readings for
     * the next.
     */
    record Tracker(DetectorState state, Instant checkpoint, Instant rewindFrom, TripSettings settings,
                   Map<Skip, Integer> skipped, double odometerOffsetM, double engineOffsetH, boolean behind) {

        /** Whether a round would go on from the checkpoint, as it was, without a change to take it further. */
        boolean atRest() {
            return state != null && rewindFrom == null && !behind;
        }
    }

    private static final String SELECT = """
            SELECT state::text, checkpoint, rewind_from, settings::text, skipped::text, odometer_offset_m, engine_offset_h, behind
            FROM trip_trackers WHERE tenant_id = :tenant AND device_id = :device""";

    private final JdbcClient jdbc;

    Trackers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A tracker for a registered device, unless it has one. */
    void ensure(UUID tenant, String device) {
        jdbc.sql("""
                        INSERT INTO trip_trackers (tenant_id, device_id, state)
                        SELECT tenant_id, id, CAST(:state AS jsonb) FROM devices WHERE tenant_id = :tenant AND id = :device
                        ON CONFLICT DO NOTHING""")
                .param("state", TripJson.write(DetectorState.INITIAL)).param("tenant", tenant).param("device", device)
                .update();
    }

    /** The device's tracker, locked for this transaction; empty if another replica has it. */
    Optional<Tracker> lock(UUID tenant, String device) {
        return jdbc.sql(SELECT + " FOR UPDATE SKIP LOCKED").param("tenant", tenant).param("device", device)
                .query((rs, row) -> tracker(rs)).optional();
    }

    Optional<Tracker> find(UUID tenant, String device) {
        return jdbc.sql(SELECT).param("tenant", tenant).param("device", device).query((rs, row) -> tracker(rs)).optional();
    }

    /** The device's own thresholds; null: its fleet's. */
    void settings(UUID tenant, String device, TripSettings settings) {
        jdbc.sql("UPDATE trip_trackers SET settings = CAST(:settings AS jsonb) WHERE tenant_id = :tenant AND device_id = :device")
                .param("settings", settings == null ? null : TripJson.write(settings))
                .param("tenant", tenant).param("device", device).update();
    }

    void offsets(UUID tenant, String device, double odometerOffsetM, double engineOffsetH) {
        jdbc.sql("""
                        UPDATE trip_trackers SET odometer_offset_m = :odometer, engine_offset_h = :engine
                        WHERE tenant_id = :tenant AND device_id = :device""")
                .param("odometer", odometerOffsetM).param("engine", engineOffsetH)
                .param("tenant", tenant).param("device", device).update();
    }

    void save(UUID tenant, String device, DetectorState state, Instant checkpoint, boolean behind, Map<Skip, Integer> skipped) {
        jdbc.sql("""
                        UPDATE trip_trackers SET state = CAST(:state AS jsonb), checkpoint = :checkpoint, rewind_from = NULL,
                               behind = :behind, skipped = CAST(:skipped AS jsonb), updated_at = now()
                        WHERE tenant_id = :tenant AND device_id = :device""")
                .param("state", TripJson.write(state)).param("checkpoint", timestamp(checkpoint)).param("behind", behind)
                .param("skipped", TripJson.write(skipped)).param("tenant", tenant).param("device", device)
                .update();
    }

    /** Devices whose detection must start again somewhere, or has readings waiting. */
    List<Changed> due(int limit) {
        return jdbc.sql("SELECT tenant_id, device_id FROM trip_trackers WHERE rewind_from IS NOT NULL OR behind LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new Changed(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** Detection of the device starts again from {@code from} (or its first reading) on the next round. */
    void rewind(UUID tenant, String device, Instant from) {
        jdbc.sql("""
                        UPDATE trip_trackers SET rewind_from = least(coalesce(rewind_from, :from), :from)
                        WHERE tenant_id = :tenant AND device_id = :device""")
                .param("from", timestamp(from == null ? Instant.EPOCH : from)).param("tenant", tenant).param("device", device)
                .update();
    }

    private static Tracker tracker(ResultSet rs) throws SQLException {
        return new Tracker(TripJson.state(rs.getString(1)), instant(rs, 2), instant(rs, 3), TripJson.settings(rs.getString(4)),
                TripJson.skipped(rs.getString(5)), rs.getDouble(6), rs.getDouble(7), rs.getBoolean(8));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
