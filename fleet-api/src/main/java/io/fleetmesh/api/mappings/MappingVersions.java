package io.fleetmesh.api.mappings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code subject_mapping_versions} table: appended to, never updated. */
@Component
class MappingVersions {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<List<MappingRule>> RULES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    MappingVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether it was stored: not if another change took its version number first. */
    boolean append(UUID tenant, MappingSet set) {
        return jdbc.sql("""
                        INSERT INTO subject_mapping_versions (tenant_id, version, rules, note, restored_from, created_by,
                            created_at) VALUES (:tenant, :version, CAST(:rules AS jsonb), :note, :restored, :by, :at)
                        ON CONFLICT DO NOTHING""")
                .param("tenant", tenant).param("version", set.version()).param("rules", json.writeValueAsString(set.rules()))
                .param("note", set.note()).param("restored", set.restoredFrom()).param("by", set.createdBy())
                .param("at", Timestamp.from(set.createdAt())).update() == 1;
    }

    Optional<MappingSet> latest(UUID tenant) {
        return jdbc.sql("SELECT * FROM subject_mapping_versions WHERE tenant_id = :tenant ORDER BY version DESC LIMIT 1")
                .param("tenant", tenant).query(MappingVersions::set).optional();
    }

    /** Each tenant's latest version (tenants that never changed their mappings have none). */
    Map<UUID, MappingSet> latestOfEachTenant() {
        return jdbc.sql("SELECT DISTINCT ON (tenant_id) * FROM subject_mapping_versions ORDER BY tenant_id, version DESC")
                .query((rs, row) -> Map.entry(rs.getObject("tenant_id", UUID.class), set(rs, row))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<MappingSet> find(UUID tenant, int version) {
        return jdbc.sql("SELECT * FROM subject_mapping_versions WHERE tenant_id = :tenant AND version = :version")
                .param("tenant", tenant).param("version", version).query(MappingVersions::set).optional();
    }

    List<MappingSet> history(UUID tenant, int limit) {
        return jdbc.sql("SELECT * FROM subject_mapping_versions WHERE tenant_id = :tenant ORDER BY version DESC LIMIT :limit")
                .param("tenant", tenant).param("limit", limit).query(MappingVersions::set).list();
    }

    private static MappingSet set(ResultSet rs, int row) throws SQLException {
        int restored = rs.getInt("restored_from");
        return new MappingSet(rs.getInt("version"), json.readValue(rs.getString("rules"), RULES), rs.getString("note"),
                rs.wasNull() ? null : restored, rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
