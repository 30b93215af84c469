package io.fleetmesh.api.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A batch of readings into the telemetry table by binary COPY, the cheapest way into PostgreSQL (ADR 0003): no SQL
 * to parse per row, no text to escape. COPY has no {@code ON CONFLICT}, so a batch holding a reading stored already
 * (a redelivery) fails on the identity key: then nothing of it is written (its savepoint rolled back) and the caller
 * stores it the way that skips what is there. A duplicate is never quarantined. So is a batch with a time finer than
 * a microsecond: PostgreSQL rounds the text it is given, and the row a redelivery meets must have the very same time.
 */
final class TelemetryCopy {

    private static final String COPY = "COPY telemetry (tenant_id, device_id, ts, channel, metrics, epoch, seq)"
            + " FROM STDIN (FORMAT binary)";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final short COLUMNS = 7;
    private static final byte JSONB_VERSION = 1;
    /** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private TelemetryCopy() {
    }

    /** True if every reading was new and is now written; false if nothing was written (one was there, or see above). */
    static boolean copyIfAllNew(Connection connection, UUID tenant, List<Reading> readings) throws SQLException {
        if (readings.stream().anyMatch(reading -> reading.ts().getNano() % 1_000 != 0)) {
            return false;
        }
        byte[] rows = encode(tenant, readings);
        Savepoint savepoint = connection.setSavepoint();
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            copy.writeToCopy(rows, 0, rows.length);
            copy.endCopy();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return false;
        }
    }

    static byte[] encode(UUID tenant, List<Reading> readings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + readings.size() * 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
            for (Reading reading : readings) {
                row(out, tenant, reading);
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void row(DataOutputStream out, UUID tenant, Reading reading) throws IOException {
        out.writeShort(COLUMNS);
        out.writeInt(16);
        out.writeLong(tenant.getMostSignificantBits());
        out.writeLong(tenant.getLeastSignificantBits());
        text(out, reading.deviceId());
        out.writeInt(8);
        out.writeLong(microsSincePostgresEpoch(reading.ts()));
        text(out, reading.channel());
        byte[] metrics = reading.metricsJson().getBytes(StandardCharsets.UTF_8);
        out.writeInt(metrics.length + 1);
        out.writeByte(JSONB_VERSION);
        out.write(metrics);
        out.writeInt(8);
        out.writeLong(reading.epoch());
        out.writeInt(8);
        out.writeLong(reading.seq());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static long microsSincePostgresEpoch(Instant ts) {
        return (ts.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + ts.getNano() / 1_000;
    }
}
