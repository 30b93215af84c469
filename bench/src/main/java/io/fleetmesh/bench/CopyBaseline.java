package io.fleetmesh.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

/** PostgreSQL's own bulk-load rate for the same rows, into a table with telemetry's columns and indexes. */
final class CopyBaseline {

    private static final int CHUNK = 10_000;
    private final JdbcTemplate jdbc;

    CopyBaseline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    double rowsPerSecond(TelemetryWorkload workload) {
        jdbc.execute("DROP TABLE IF EXISTS bench_copy");
        jdbc.execute("CREATE TABLE bench_copy (LIKE telemetry INCLUDING DEFAULTS)");
        jdbc.execute("ALTER TABLE bench_copy ADD UNIQUE (tenant_id, device_id, ts, epoch, seq)");
        byte[][] chunks = chunks(workload);
        long start = System.nanoTime();
        long rows = jdbc.execute((Connection connection) -> copy(connection, chunks));
        double elapsed = IngestBenchmark.seconds(start);
        System.out.printf("  COPY of the same %,d rows in %.2f s%n", rows, elapsed);
        return rows / elapsed;
    }

    private static long copy(Connection connection, byte[][] chunks) throws java.sql.SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY bench_copy (tenant_id, device_id, ts, channel, metrics, epoch, seq) FROM STDIN");
        for (byte[] chunk : chunks) {
            copy.writeToCopy(chunk, 0, chunk.length);
        }
        return copy.endCopy();
    }

    private static byte[][] chunks(TelemetryWorkload workload) {
        byte[][] chunks = new byte[(workload.size() + CHUNK - 1) / CHUNK][];
        for (int c = 0; c < chunks.length; c++) {
            StringBuilder chunk = new StringBuilder(CHUNK * 160);
            for (int i = c * CHUNK; i < Math.min(workload.size(), (c + 1) * CHUNK); i++) {
                chunk.append(workload.copyRow(i));
            }
            chunks[c] = chunk.toString().getBytes(StandardCharsets.UTF_8);
        }
        return chunks;
    }
}
