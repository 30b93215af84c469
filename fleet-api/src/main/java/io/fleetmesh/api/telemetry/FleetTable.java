package io.fleetmesh.api.telemetry;

import io.fleetmesh.protocol.AgentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fleet list: every device with where it stands, its latest fix and its sync backlog, filtered and keyset-paged,
 * from {@code devices} joined with {@code device_state} (ADR 0009); and the map's markers, every device with a fix.
 */
@Component
public class FleetTable {

    private static final String SELECT = """
            SELECT d.id, d.name, d.kind, d.tags, d.created_at, d.credentials_state, d.credentials_changed_at,
                   s.online_since, greatest(s.status_at, s.last_seen) AS seen, s.last_values #>> '{gps,ts}' AS fix_at,
                   %s AS lat, %s AS lon, %s AS speed, %s AS heading, %s AS backlog
            FROM devices d LEFT JOIN device_state s ON s.tenant_id = d.tenant_id AND s.device_id = d.id
            WHERE d.tenant_id = :tenant""".formatted(
            JsonbNumbers.metric("gps", "lat", "BETWEEN -90 AND 90"),
            JsonbNumbers.metric("gps", "lon", "BETWEEN -180 AND 180"),
            JsonbNumbers.metric("gps", "speed", "BETWEEN 0 AND 2000"),
            JsonbNumbers.metric("gps", "heading", "BETWEEN 0 AND 360"),
            JsonbNumbers.count("s.status", AgentStatus.BACKLOG));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration offlineAfter;

    FleetTable(JdbcClient jdbc, Clock clock, TelemetryProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.offlineAfter = properties.offlineAfter();
    }

    public FleetRowsPage page(UUID tenant, FleetFilter filter, int limit) {
        Instant since = clock.instant().minus(offlineAfter);
        JdbcClient.StatementSpec query = jdbc.sql(SELECT + conditions(filter) + " ORDER BY " + filter.order().orderBy
                        + " LIMIT :limit")
                .param("tenant", tenant).param("since", Timestamp.from(since)).param("limit", limit + 1)
                .param("kind", filter.kind()).param("tag", filter.tag())
                .param("like", filter.q() == null ? null : filter.namePattern());
        List<FleetRow> found = keys(query, filter).query((rs, row) -> row(rs, since)).list();
        List<FleetRow> page = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? FleetCursor.after(filter.order(), page.get(limit - 1)).encode() : null;
        return new FleetRowsPage(page, next);
    }

    /** Every device with a fix, by id: the overview's map. */
    public List<FleetRow> located(UUID tenant) {
        Instant since = clock.instant().minus(offlineAfter);
        return jdbc.sql(SELECT + " AND s.last_values -> 'gps' IS NOT NULL ORDER BY d.id")
                .param("tenant", tenant)
                .query((rs, row) -> row(rs, since)).list().stream().filter(row -> row.position() != null).toList();
    }

    private static String conditions(FleetFilter filter) {
        StringBuilder sql = new StringBuilder();
        append(sql, filter.kind() != null, "d.kind = :kind");
        append(sql, filter.tag() != null, "d.tags @> ARRAY[CAST(:tag AS varchar)]");
        append(sql, filter.q() != null, "lower(d.name) LIKE :like ESCAPE '\\'");
        append(sql, filter.presence() != null, filter.presence() == null ? "" : filter.presence().condition);
        append(sql, filter.cursor() != null, filter.order().after);
        return sql.toString();
    }

    private static void append(StringBuilder sql, boolean when, String condition) {
        if (when) {
            sql.append(" AND (").append(condition).append(')');
        }
    }

    private static JdbcClient.StatementSpec keys(JdbcClient.StatementSpec query, FleetFilter filter) {
        if (filter.cursor() == null) {
            return query;
        }
        List<String> keys = FleetCursor.decode(filter.cursor(), filter.order()).keys();
        for (int i = 0; i < keys.size(); i++) {
            query = query.param("k" + i, keys.get(i));
        }
        return query;
    }

    private static FleetRow row(ResultSet rs, Instant onlineAfter) throws SQLException {
        Instant seen = TelemetryQueries.instant(rs, "seen");
        Presence presence = seen == null ? Presence.NEVER_SEEN : seen.isAfter(onlineAfter) ? Presence.ONLINE : Presence.OFFLINE;
        Instant since = switch (presence) {
            case ONLINE -> TelemetryQueries.instant(rs, "online_since");
            case OFFLINE -> seen;
            case NEVER_SEEN -> TelemetryQueries.instant(rs, "created_at");
        };
        return new FleetRow(rs.getString("id"), rs.getString("name"), rs.getString("kind"), tags(rs), presence, since,
                seen, fix(rs), (Long) rs.getObject("backlog"), rs.getString("credentials_state"),
                TelemetryQueries.instant(rs, "credentials_changed_at"));
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        return Arrays.asList((String[]) rs.getArray("tags").getArray());
    }

    /** The latest fix, or null: none yet, or one without a usable position. */
    private static FleetRow.Fix fix(ResultSet rs) throws SQLException {
        Object lat = rs.getObject("lat");
        Object lon = rs.getObject("lon");
        String at = rs.getString("fix_at");
        if (lat == null || lon == null || at == null) {
            return null;
        }
        return new FleetRow.Fix((Double) lat, (Double) lon, (Double) rs.getObject("speed"), (Double) rs.getObject("heading"),
                Instant.parse(at));
    }
}
