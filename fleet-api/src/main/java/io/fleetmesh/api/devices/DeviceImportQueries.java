package io.fleetmesh.api.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads imports back, on any replica: one with its row outcomes, or a tenant's latest without them. */
@Component
class DeviceImportQueries {

    private static final String COLUMNS = "id, created_by, created_at, total, done, created, finished_at";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    DeviceImportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<DeviceImportView> find(UUID tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + ", results::text FROM device_imports WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id)
                .query((rs, row) -> view(rs, Arrays.asList(json.readValue(rs.getString("results"), ImportRow[].class))))
                .optional();
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
                finished == null ? null : finished.toInstant(), rows);
    }
}
