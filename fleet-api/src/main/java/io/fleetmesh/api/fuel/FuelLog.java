package io.fleetmesh.api.fuel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The fuel tables: settings, where each device's analysis stands, its levels a minute and its changes. */
@Component
class FuelLog {

    /** A device being analysed: its settings, and the state after its checkpoint (null: from its first reading). */
    record Tracker(UUID tenantId, String deviceId, FuelSettings settings, Instant checkpoint, FuelState state) {
    }

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String TRACKER = """
            SELECT t.tenant_id, t.device_id, s.tank_litres, s.channel, s.metric, s.unit, t.checkpoint, t.state::text
            FROM fuel_trackers t JOIN fuel_settings s USING (tenant_id, device_id)""";

    private final JdbcClient jdbc;

    FuelLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FuelSettings> settings(UUID tenant, String device) {
        return jdbc.sql("SELECT tank_litres, channel, metric, unit FROM fuel_settings WHERE tenant_id = :tenant AND device_id = :device")
                .param("tenant", tenant).param("device", device)
                .query((rs, row) -> new FuelSettings(rs.getDouble(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    Set<String> analysed(UUID tenant) {
        return Set.copyOf(jdbc.sql("SELECT device_id FROM fuel_settings WHERE tenant_id = :tenant").param("tenant", tenant)
                .query(String.class).list());
    }

    /** New settings read the device's readings again from the first: levels and changes in litres of the old tank go. */
    void saveSettings(UUID tenant, String device, FuelSettings settings) {
        jdbc.sql("""
                        INSERT INTO fuel_settings (tenant_id, device_id, tank_litres, channel, metric, unit)
                        VALUES (:tenant, :device, :tank, :channel, :metric, :unit)
                        ON CONFLICT (tenant_id, device_id) DO UPDATE SET tank_litres = EXCLUDED.tank_litres,
                            channel = EXCLUDED.channel, metric = EXCLUDED.metric, unit = EXCLUDED.unit""")
                .param("tenant", tenant).param("device", device).param("tank", settings.tankLitres())
                .param("channel", settings.channel()).param("metric", settings.metric()).param("unit", settings.unit())
                .update();
        jdbc.sql("""
                        INSERT INTO fuel_trackers (tenant_id, device_id) VALUES (:tenant, :device)
                        ON CONFLICT (tenant_id, device_id) DO UPDATE SET checkpoint = NULL, state = NULL""")
                .param("tenant", tenant).param("device", device).update();
        forget(tenant, device);
    }

    /** The settings first: the tracker goes with them once a follower holding it is done, then what it kept. */
    boolean deleteSettings(UUID tenant, String device) {
        boolean deleted = deviceSql("DELETE FROM fuel_settings", tenant, device).update() > 0;
        forget(tenant, device);
        return deleted;
    }

    /** Devices to read on, the one looked at longest ago first. */
    List<Tracker> trackers(int limit) {
        return jdbc.sql(TRACKER + " ORDER BY t.polled_at NULLS FIRST LIMIT :limit").param("limit", limit)
                .query(FuelLog::tracker).list();
    }

    /** The device's tracker held for this transaction; empty if another replica holds it. */
    Optional<Tracker> lock(UUID tenant, String device) {
        return jdbc.sql(TRACKER + " WHERE t.tenant_id = :tenant AND t.device_id = :device FOR UPDATE OF t SKIP LOCKED")
                .param("tenant", tenant).param("device", device).query(FuelLog::tracker).optional();
    }

    /** Looked at now, whether or not it had readings (held, so by this replica alone). */
    void polled(UUID tenant, String device) {
        deviceSql("UPDATE fuel_trackers SET polled_at = now()", tenant, device).update();
    }

    void save(UUID tenant, String device, Instant checkpoint, FuelState state) {
        jdbc.sql("UPDATE fuel_trackers SET checkpoint = :checkpoint, state = CAST(:state AS jsonb)"
                        + " WHERE tenant_id = :tenant AND device_id = :device")
                .param("checkpoint", Timestamp.from(checkpoint)).param("state", json.writeValueAsString(state))
                .param("tenant", tenant).param("device", device).update();
    }

    void keep(UUID tenant, String device, List<FuelDetector.Level> levels) {
        levels.forEach(level -> jdbc.sql("""
                        INSERT INTO fuel_levels (tenant_id, device_id, at, litres) VALUES (:tenant, :device, :at, :litres)
                        ON CONFLICT DO NOTHING""")
                .param("tenant", tenant).param("device", device).param("at", Timestamp.from(level.at()))
                .param("litres", level.litres()).update());
    }

    /** Whether the change is new: found again (a retry, a second replica), it is not stored twice. */
    boolean record(UUID tenant, String device, FuelChange change) {
        return jdbc.sql("""
                        INSERT INTO fuel_events (tenant_id, device_id, kind, started_at, ended_at, litres_before, litres_after)
                        VALUES (:tenant, :device, :kind, :started, :ended, :before, :after) ON CONFLICT DO NOTHING""")
                .param("tenant", tenant).param("device", device).param("kind", change.kind().apiName())
                .param("started", Timestamp.from(change.startedAt())).param("ended", Timestamp.from(change.endedAt()))
                .param("before", change.litresBefore()).param("after", change.litresAfter()).update() > 0;
    }

    List<FuelChange> changes(UUID tenant, String device, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT kind, started_at, ended_at, litres_before, litres_after FROM fuel_events
                        WHERE tenant_id = :tenant AND device_id = :device AND ended_at >= :from AND ended_at < :to
                        ORDER BY ended_at""")
                .param("tenant", tenant).param("device", device).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, row) -> new FuelChange(FuelChange.Kind.valueOf(rs.getString(1).toUpperCase()),
                        rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getDouble(4), rs.getDouble(5)))
                .list();
    }

    /** The filtered level at {@code at}: the last kept at or before it, else the first after it. */
    Optional<Double> levelAt(UUID tenant, String device, Instant at, boolean before) {
        String sql = before ? "SELECT litres FROM fuel_levels WHERE tenant_id = :tenant AND device_id = :device"
                + " AND at <= :at ORDER BY at DESC LIMIT 1" : "SELECT litres FROM fuel_levels WHERE tenant_id = :tenant"
                + " AND device_id = :device AND at >= :at ORDER BY at LIMIT 1";
        return jdbc.sql(sql).param("tenant", tenant).param("device", device).param("at", Timestamp.from(at))
                .query(Double.class).optional();
    }

    private void forget(UUID tenant, String device) {
        deviceSql("DELETE FROM fuel_levels", tenant, device).update();
        deviceSql("DELETE FROM fuel_events", tenant, device).update();
    }

    private JdbcClient.StatementSpec deviceSql(String sql, UUID tenant, String device) {
        return jdbc.sql(sql + " WHERE tenant_id = :tenant AND device_id = :device")
                .param("tenant", tenant).param("device", device);
    }

    private static Tracker tracker(ResultSet rs, int row) throws SQLException {
        Timestamp checkpoint = rs.getTimestamp(7);
        String state = rs.getString(8);
        return new Tracker(rs.getObject(1, UUID.class), rs.getString(2), new FuelSettings(rs.getDouble(3), rs.getString(4),
                rs.getString(5), rs.getString(6)), checkpoint == null ? null : checkpoint.toInstant(),
                state == null ? FuelState.INITIAL : json.readValue(state, FuelState.class));
    }
}
