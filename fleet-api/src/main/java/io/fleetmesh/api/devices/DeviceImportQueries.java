package io.fleetmesh.api.devices;

import io.fleetmesh.api.refusals.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads imports back, on any replica: one with its row outcomes, or a tenant's latest without them. */
@Component
class DeviceImportQueries {

    private static final String COLUMNS = "id, created_by, created_at, total, done, created, finished_at, error";

    private final JdbcClient jdbc;

    DeviceImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The import with the outcomes of its first {@code rows} lines. */
    DeviceImportView find(UUID tenant, UUID id, int rows) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_imports WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id)
                .query((rs, row) -> view(rs, rows(id, rows)))
                .optional().orElseThrow(() -> new NotFound("There is no device import with this id."));
    }

    private List<ImportRow> rows(UUID id, int limit) {
        return jdbc.sql("SELECT line, device_id, created, problem FROM device_import_rows WHERE import_id = :id"
                        + " ORDER BY line LIMIT :limit")
                .param("id", id).param("limit", limit)
                .query((rs, row) -> new ImportRow(rs.getLong("line"), rs.getString("device_id"), rs.getBoolean("created"),
                        rs.getString("problem")))
                .list();
    }

    List<DeviceImportView> latest(UUID tenant, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM device_imports WHERE tenant_id = :tenant ORDER BY created_at DESC LIMIT :limit")
                .param("tenant", tenant).param("limit", limit)
                .query((rs, row) -> view(rs, List.of()))
                .list();
    }

    private static DeviceImportView view(ResultSet rs, List<ImportRow> rows) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new DeviceImportView(rs.getObject("id", UUID.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("total"), rs.getInt("done"), rs.getInt("created"),
                finished == null ? null : finished.toInstant(), rs.getString("error"), rows);
    }
}
