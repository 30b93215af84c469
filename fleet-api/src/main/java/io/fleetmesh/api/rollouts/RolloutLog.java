package io.fleetmesh.api.rollouts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The rollout tables: rollouts and their trucks. */
@Component
class RolloutLog {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String ROLLOUT = "SELECT * FROM rollouts WHERE tenant_id = :tenant";
    private static final String TARGETS = "SELECT * FROM rollout_targets WHERE rollout_id = :rollout ORDER BY wave, device_id";

    private final JdbcClient jdbc;

    RolloutLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Rollout rollout, List<List<String>> waves) {
        jdbc.sql("""
                        INSERT INTO rollouts (id, tenant_id, name, package_name, package_version, package_kind, plan, status,
                            created_by, started_at)
                        VALUES (:id, :tenant, :name, :package, :version, :kind, CAST(:plan AS jsonb), :status, :by, :started)""")
                .param("id", rollout.id()).param("tenant", rollout.tenantId()).param("name", rollout.name())
                .param("package", rollout.packageName()).param("version", rollout.packageVersion())
                .param("kind", rollout.packageKind()).param("plan", json.writeValueAsString(rollout.plan()))
                .param("status", rollout.status().name()).param("by", rollout.createdBy())
                .param("started", Timestamp.from(rollout.startedAt())).update();
        for (int wave = 0; wave < waves.size(); wave++) {
            for (String device : waves.get(wave)) {
                jdbc.sql("INSERT INTO rollout_targets (rollout_id, tenant_id, device_id, wave, state)"
                                + " VALUES (:rollout, :tenant, :device, :wave, 'WAITING')")
                        .param("rollout", rollout.id()).param("tenant", rollout.tenantId()).param("device", device)
                        .param("wave", wave).update();
            }
        }
    }

    Optional<Rollout> find(UUID tenant, UUID id) {
        return jdbc.sql(ROLLOUT + " AND id = :id").param("tenant", tenant).param("id", id).query(RolloutLog::rollout)
                .optional();
    }

    /** The rollout held for this transaction, waiting for a replica that holds it (an operator's pause or cancel). */
    Optional<Rollout> findForUpdate(UUID tenant, UUID id) {
        return jdbc.sql(ROLLOUT + " AND id = :id FOR UPDATE").param("tenant", tenant).param("id", id)
                .query(RolloutLog::rollout).optional();
    }

    /** The rollout held for this transaction, if no other replica holds it. */
    Optional<Rollout> lock(UUID id) {
        return jdbc.sql("SELECT * FROM rollouts WHERE id = :id FOR UPDATE SKIP LOCKED").param("id", id)
                .query(RolloutLog::rollout).optional();
    }

    List<Rollout> list(UUID tenant, int limit) {
        return jdbc.sql(ROLLOUT + " ORDER BY started_at DESC LIMIT :limit").param("tenant", tenant).param("limit", limit)
                .query(RolloutLog::rollout).list();
    }

    /** Every running rollout's id, oldest first: no cap, so none is starved by older ones (16 bytes each). */
    List<UUID> running() {
        return jdbc.sql("SELECT id FROM rollouts WHERE status = 'RUNNING' ORDER BY started_at").query(UUID.class).list();
    }

    void status(Rollout rollout) {
        jdbc.sql("UPDATE rollouts SET status = :status, ended_at = :ended WHERE id = :id")
                .param("status", rollout.status().name())
                .param("ended", rollout.endedAt() == null ? null : Timestamp.from(rollout.endedAt()))
                .param("id", rollout.id()).update();
    }

    List<RolloutGate.Target> targets(UUID rollout) {
        return jdbc.sql(TARGETS).param("rollout", rollout).query((rs, row) -> new RolloutGate.Target(rs.getString("device_id"),
                rs.getInt("wave"), TargetState.valueOf(rs.getString("state")))).list();
    }

    List<TargetView> targetViews(UUID rollout) {
        return jdbc.sql(TARGETS).param("rollout", rollout).query((rs, row) -> new TargetView(rs.getString("device_id"),
                rs.getInt("wave"), rs.getString("state"), (Long) rs.getObject("bytes"), rs.getString("reason"),
                instant(rs, "released_at"), instant(rs, "updated_at"))).list();
    }

    int releasedSince(UUID rollout, Instant since) {
        return jdbc.sql("SELECT count(*) FROM rollout_targets WHERE rollout_id = :rollout AND released_at >= :since")
                .param("rollout", rollout).param("since", Timestamp.from(since)).query(Integer.class).single();
    }

    /** Moves these trucks from {@code from} to {@code to}; {@code released}: stamped as released now. */
    void move(UUID rollout, List<String> devices, TargetState from, TargetState to, Instant at) {
        if (devices.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE rollout_targets SET state = :to, updated_at = :at,
                            released_at = CASE WHEN :to = 'PENDING' THEN :at ELSE released_at END
                        WHERE rollout_id = :rollout AND device_id IN (:devices) AND state = :from""")
                .param("to", to.name()).param("at", Timestamp.from(at)).param("rollout", rollout).param("devices", devices)
                .param("from", from.name()).update();
    }

    /** The rollout's trucks in {@code state} that another rollout is delivering to now (one package at a time per truck). */
    List<String> busy(Rollout rollout, TargetState state) {
        return jdbc.sql("""
                        SELECT DISTINCT o.device_id FROM rollout_targets t
                        JOIN rollout_targets o ON o.tenant_id = t.tenant_id AND o.device_id = t.device_id
                        WHERE t.rollout_id = :rollout AND t.state = :state AND o.rollout_id <> :rollout
                        AND o.state IN ('PENDING', 'DOWNLOADING', 'VERIFIED', 'INSTALLING', 'ROLLING_BACK')""")
                .param("rollout", rollout.id()).param("state", state.name()).query(String.class).list();
    }

    /** Every truck of the rollout in {@code from} moves to {@code to} (no list: a rollout may have 100,000). */
    void moveAll(UUID rollout, TargetState from, TargetState to, Instant at) {
        jdbc.sql("UPDATE rollout_targets SET state = :to, updated_at = :at WHERE rollout_id = :rollout AND state = :from")
                .param("to", to.name()).param("at", Timestamp.from(at)).param("rollout", rollout).param("from", from.name())
                .update();
    }

    /** Whether a rollout that is not over sends the package, or a truck is still taking it in. */
    boolean inUse(UUID tenant, String name, String version) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM rollouts r JOIN rollout_targets t ON t.rollout_id = r.id
                            WHERE r.tenant_id = :tenant AND r.package_name = :name AND r.package_version = :version
                            AND (r.status IN ('RUNNING', 'PAUSED') OR t.state IN ('DOWNLOADING', 'VERIFIED', 'INSTALLING')))""")
                .param("tenant", tenant).param("name", name).param("version", version).query(Boolean.class).single();
    }

    /** The rollout not over in which the truck is PENDING (one package at a time: at most one). */
    Optional<UUID> pendingFor(UUID tenant, String device) {
        return jdbc.sql("""
                        SELECT t.rollout_id FROM rollout_targets t JOIN rollouts r ON r.id = t.rollout_id
                        WHERE t.tenant_id = :tenant AND t.device_id = :device AND t.state = 'PENDING'
                        AND r.status IN ('RUNNING', 'PAUSED')""")
                .param("tenant", tenant).param("device", device).query(UUID.class).optional();
    }

    Optional<TargetState> stateOf(UUID rollout, String device) {
        return jdbc.sql("SELECT state FROM rollout_targets WHERE rollout_id = :rollout AND device_id = :device FOR UPDATE")
                .param("rollout", rollout).param("device", device).query(String.class).optional().map(TargetState::valueOf);
    }

    void report(UUID rollout, String device, TargetState state, Long bytes, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE rollout_targets SET state = :state, bytes = coalesce(:bytes, bytes), reason = :reason,
                            updated_at = :at WHERE rollout_id = :rollout AND device_id = :device""")
                .param("state", state.name()).param("bytes", bytes).param("reason", reason).param("at", Timestamp.from(at))
                .param("rollout", rollout).param("device", device).update();
    }

    private static Rollout rollout(ResultSet rs, int row) throws SQLException {
        return new Rollout(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("name"),
                rs.getString("package_name"), rs.getString("package_version"), rs.getString("package_kind"),
                json.readValue(rs.getString("plan"), RolloutPlan.class), RolloutStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"), instant(rs, "started_at"), instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
