package io.fleetmesh.api.taps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The taps table and what is recorded against each tap: its gaps and its dead letters (V27). */
@Component
class TapStore {

    private static final String COLUMNS = "tenant_id, name, source, filter_subject, max_ack_pending, ack_wait_ms,"
            + " max_deliver, export_format, paused_at, ack_floor, created_by, created_at";

    /** What a tap lost: {@code missed} messages over its gaps (exact if all gaps are), {@code deadLetters}. */
    record Losses(long missed, boolean exact, long deadLetters) {
    }

    private final JdbcTemplate jdbc;

    TapStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** False if the tenant has a tap of that name already. */
    boolean insert(Tap tap) {
        TapSettings settings = tap.settings();
        return jdbc.update("INSERT INTO taps (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, ?)"
                        + " ON CONFLICT DO NOTHING", tap.tenant(), tap.name(), settings.source().label(), settings.filter(),
                settings.maxAckPending(), settings.ackWait().toMillis(), settings.maxDeliver(),
                settings.export() == null ? null : settings.export().label(), tap.createdBy(),
                Timestamp.from(tap.createdAt())) == 1;
    }

    Optional<Tap> find(UUID tenant, String name) {
        return jdbc.query("SELECT " + COLUMNS + " FROM taps WHERE tenant_id = ? AND name = ?", TapStore::tap, tenant, name)
                .stream().findFirst();
    }

    List<Tap> list(UUID tenant) {
        return jdbc.query("SELECT " + COLUMNS + " FROM taps WHERE tenant_id = ? ORDER BY name", TapStore::tap, tenant);
    }

    int count(UUID tenant) {
        return jdbc.queryForObject("SELECT count(*) FROM taps WHERE tenant_id = ?", Integer.class, tenant);
    }

    void paused(UUID tenant, String name, Instant at) {
        jdbc.update("UPDATE taps SET paused_at = ? WHERE tenant_id = ? AND name = ?",
                at == null ? null : Timestamp.from(at), tenant, name);
    }

    void ackFloor(UUID tenant, String name, long floor) {
        jdbc.update("UPDATE taps SET ack_floor = ? WHERE tenant_id = ? AND name = ?", floor, tenant, name);
    }

    boolean delete(UUID tenant, String name) {
        return jdbc.update("DELETE FROM taps WHERE tenant_id = ? AND name = ?", tenant, name) == 1;
    }

    /** Once per gap: replicas that see the same one record it once. */
    boolean recordGap(UUID tenant, String name, TapGap gap) {
        return jdbc.update("INSERT INTO tap_gaps (tenant_id, tap_name, from_seq, to_seq, exact, detected_at)"
                        + " SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM taps WHERE tenant_id = ? AND name = ?)"
                        + " ON CONFLICT DO NOTHING", tenant, name, gap.fromSequence(), gap.toSequence(), gap.exact(),
                Timestamp.from(gap.detectedAt()), tenant, name) == 1;
    }

    /** The last sequence already reported in a gap, 0 if none. */
    long reportedUpTo(UUID tenant, String name) {
        return jdbc.queryForObject("SELECT coalesce(max(to_seq), 0) FROM tap_gaps WHERE tenant_id = ? AND tap_name = ?",
                Long.class, tenant, name);
    }

    List<TapGap> gaps(UUID tenant, String name) {
        return jdbc.query("SELECT from_seq, to_seq, exact, detected_at FROM tap_gaps WHERE tenant_id = ? AND tap_name = ?"
                + " ORDER BY from_seq DESC LIMIT 100", (row, i) -> new TapGap(row.getLong(1), row.getLong(2),
                row.getLong(2) - row.getLong(1) + 1, row.getBoolean(3), row.getTimestamp(4).toInstant()), tenant, name);
    }

    Losses losses(UUID tenant, String name) {
        return jdbc.queryForObject("SELECT (SELECT coalesce(sum(to_seq - from_seq + 1), 0) FROM tap_gaps g WHERE"
                + " g.tenant_id = ? AND g.tap_name = ?), (SELECT coalesce(bool_and(exact), true) FROM tap_gaps g WHERE"
                + " g.tenant_id = ? AND g.tap_name = ?), (SELECT count(*) FROM tap_dead_letters d WHERE d.tenant_id = ?"
                + " AND d.tap_name = ?)", (row, i) -> new Losses(row.getLong(1), row.getBoolean(2), row.getLong(3)),
                tenant, name, tenant, name, tenant, name);
    }

    /** Once per message and reason, and only for a tap that still exists. */
    boolean recordDeadLetter(UUID tenant, String name, DeadLetter letter) {
        return jdbc.update("INSERT INTO tap_dead_letters (tenant_id, tap_name, stream_seq, reason, deliveries, subject,"
                        + " recorded_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM taps WHERE tenant_id = ?"
                        + " AND name = ?) ON CONFLICT DO NOTHING", tenant, name, letter.streamSequence(), letter.reason(),
                letter.deliveries(), letter.subject(), Timestamp.from(letter.recordedAt()), tenant, name) == 1;
    }

    List<DeadLetter> deadLetters(UUID tenant, String name) {
        return jdbc.query("SELECT stream_seq, reason, deliveries, subject, recorded_at FROM tap_dead_letters"
                + " WHERE tenant_id = ? AND tap_name = ? ORDER BY stream_seq DESC LIMIT 100", (row, i) -> new DeadLetter(
                row.getLong(1), row.getString(2), row.getInt(3), row.getString(4), row.getTimestamp(5).toInstant()),
                tenant, name);
    }

    /** Once per first sequence: a retried batch that found its file written records nothing twice. */
    void recordExport(UUID tenant, String name, TapExportFile file) {
        jdbc.update("INSERT INTO tap_export_files (tenant_id, tap_name, from_seq, to_seq, file_key, rows, bytes, written_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", tenant, name, file.fromSequence(),
                file.toSequence(), file.key(), file.rows(), file.bytes(), Timestamp.from(file.writtenAt()));
    }

    List<TapExportFile> exports(UUID tenant, String name) {
        return jdbc.query("SELECT from_seq, to_seq, file_key, rows, bytes, written_at FROM tap_export_files"
                + " WHERE tenant_id = ? AND tap_name = ? ORDER BY from_seq DESC LIMIT 100", (row, i) -> new TapExportFile(
                row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4), row.getLong(5),
                row.getTimestamp(6).toInstant()), tenant, name);
    }

    private static Tap tap(ResultSet row, int i) throws SQLException {
        TapSettings settings = new TapSettings(TapSource.of(row.getString("source")).orElseThrow(),
                row.getString("filter_subject"), row.getInt("max_ack_pending"),
                Duration.ofMillis(row.getLong("ack_wait_ms")), row.getInt("max_deliver"),
                ExportFormat.of(row.getString("export_format")).orElse(null));
        Timestamp paused = row.getTimestamp("paused_at");
        return new Tap(row.getObject("tenant_id", UUID.class), row.getString("name"), settings,
                paused == null ? null : paused.toInstant(), row.getLong("ack_floor"), row.getString("created_by"),
                row.getTimestamp("created_at").toInstant());
    }
}
