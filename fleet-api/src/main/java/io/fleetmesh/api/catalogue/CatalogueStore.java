package io.fleetmesh.api.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The tenants' own catalogue entries (table metric_catalogue, this feature's). */
@Component
class CatalogueStore {

    private static final TypeReference<Map<String, String>> STATES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    CatalogueStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The tenant's entries by channel and metric: additions are listed in this order after the built-in ones. */
    List<MetricEntry> entries(UUID tenantId) {
        return jdbc.sql("""
                        SELECT channel, metric, label, unit, decimals, chart, states::text FROM metric_catalogue
                        WHERE tenant_id = :tenant ORDER BY channel, metric""")
                .param("tenant", tenantId)
                .query(this::entry)
                .list();
    }

    int count(UUID tenantId) {
        return jdbc.sql("SELECT count(*) FROM metric_catalogue WHERE tenant_id = :tenant")
                .param("tenant", tenantId).query(Integer.class).single();
    }

    void save(UUID tenantId, MetricEntry entry, String by) {
        jdbc.sql("""
                        INSERT INTO metric_catalogue (tenant_id, channel, metric, label, unit, decimals, chart, states,
                                                      updated_by, updated_at)
                        VALUES (:tenant, :channel, :metric, :label, :unit, :decimals, :chart, CAST(:states AS jsonb),
                                :by, now())
                        ON CONFLICT (tenant_id, channel, metric) DO UPDATE SET label = EXCLUDED.label,
                          unit = EXCLUDED.unit, decimals = EXCLUDED.decimals, chart = EXCLUDED.chart,
                          states = EXCLUDED.states, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .param("tenant", tenantId).param("channel", entry.channel()).param("metric", entry.metric())
                .param("label", entry.label()).param("unit", entry.unit()).param("decimals", entry.precision())
                .param("chart", entry.chart())
                .param("states", entry.states() == null ? null : mapper.writeValueAsString(entry.states()))
                .param("by", by)
                .update();
    }

    boolean delete(UUID tenantId, String channel, String metric) {
        return jdbc.sql("DELETE FROM metric_catalogue WHERE tenant_id = :tenant AND channel = :channel AND metric = :metric")
                .param("tenant", tenantId).param("channel", channel).param("metric", metric)
                .update() > 0;
    }

    private MetricEntry entry(ResultSet rs, int row) throws SQLException {
        String states = rs.getString("states");
        return new MetricEntry(rs.getString("channel"), rs.getString("metric"), rs.getString("label"),
                rs.getString("unit"), rs.getObject("decimals", Integer.class), rs.getString("chart"),
                states == null ? null : mapper.readValue(states, STATES), MetricEntry.Source.TENANT);
    }
}
