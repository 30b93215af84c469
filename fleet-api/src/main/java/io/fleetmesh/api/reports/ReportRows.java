package io.fleetmesh.api.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Queries for report sources: PostgreSQL's driver reads {@link #FETCH} rows at a time (a cursor) instead of the whole
 * result, as long as it runs in a transaction, which {@link Reports} opens.
 */
@Component
public class ReportRows {

    static final int FETCH = 1_000;

    private final JdbcClient jdbc;

    ReportRows(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH);
        jdbc = JdbcClient.create(template);
    }

    /** The statement with the query's tenant, period and devices bound as :tenant, :from, :to, :devices, :limit. */
    public JdbcClient.StatementSpec sql(String sql, ReportQuery query) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("tenant", query.tenant())
                .param("from", Timestamp.from(query.period().from()))
                .param("to", Timestamp.from(query.period().to())).param("limit", query.limit());
        return query.wholeFleet() ? statement : statement.param("devices", query.devices());
    }

    /** A timestamptz column as an instant, null if null. */
    public static Instant time(ResultSet rs, String column) throws SQLException {
        Timestamp time = rs.getTimestamp(column);
        return time == null ? null : time.toInstant();
    }

    /** A double precision column, null if null. */
    public static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
