package io.fleetmesh.api.fuel;

import static io.fleetmesh.api.reports.Column.of;

import io.fleetmesh.api.reports.Cell;
import io.fleetmesh.api.reports.Column;
import io.fleetmesh.api.reports.ReportKind;
import io.fleetmesh.api.reports.ReportQuery;
import io.fleetmesh.api.reports.ReportRows;
import io.fleetmesh.api.reports.ReportSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The fuel report: one device's day a row, in the operator's zone: its filtered level at the day's first and last
 * minute, refuels and drains whose new level held that day, and consumption (the fall in level with refuels added and drains
 * taken out). Only devices with fuel settings have rows.
 */
@Component
class FuelReport implements ReportSource {

    private static final String SQL = """
            WITH l AS (
                SELECT device_id, (at AT TIME ZONE :zone)::date AS day, (array_agg(litres ORDER BY at))[1] AS first_litres,
                       (array_agg(litres ORDER BY at DESC))[1] AS last_litres
                FROM fuel_levels WHERE tenant_id = :tenant AND at >= :from AND at < :to %1$s GROUP BY 1, 2),
            e AS (
                SELECT device_id, (ended_at AT TIME ZONE :zone)::date AS day,
                       sum(litres_after - litres_before) FILTER (WHERE kind = 'refuel') AS refuelled,
                       count(*) FILTER (WHERE kind = 'refuel') AS refuels,
                       sum(litres_before - litres_after) FILTER (WHERE kind = 'drain') AS drained,
                       count(*) FILTER (WHERE kind = 'drain') AS drains
                FROM fuel_events WHERE tenant_id = :tenant AND ended_at >= :from AND ended_at < :to %1$s GROUP BY 1, 2)
            SELECT device_id, day, first_litres, last_litres, coalesce(refuelled, 0) AS refuelled,
                   coalesce(refuels, 0) AS refuels, coalesce(drained, 0) AS drained, coalesce(drains, 0) AS drains,
                   greatest(0, first_litres - last_litres + coalesce(refuelled, 0) - coalesce(drained, 0)) AS consumed
            FROM l LEFT JOIN e USING (device_id, day) ORDER BY device_id, day LIMIT :limit""";

    private static final List<Column> COLUMNS = List.of(of("deviceId", "Device", Cell.TEXT), of("day", "Day", Cell.DAY),
            of("litresAtStart", "Level at start", Cell.LITRES), of("litresAtEnd", "Level at end", Cell.LITRES),
            of("consumedLitres", "Consumed", Cell.LITRES), of("refuelledLitres", "Refuelled", Cell.LITRES),
            of("refuels", "Refuels", Cell.COUNT), of("drainedLitres", "Drained", Cell.LITRES),
            of("drains", "Drains", Cell.COUNT));

    private final ReportRows rows;

    FuelReport(ReportRows rows) {
        this.rows = rows;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.FUEL;
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public Stream<Object[]> rows(ReportQuery query) {
        return rows.sql(SQL.formatted(query.deviceFilter("device_id")), query).param("zone", query.zone().getId())
                .query((rs, row) -> day(rs)).stream();
    }

    private static Object[] day(ResultSet rs) throws SQLException {
        return new Object[] {rs.getString("device_id"), rs.getObject("day", LocalDate.class), rs.getDouble("first_litres"),
                rs.getDouble("last_litres"), rs.getDouble("consumed"), rs.getDouble("refuelled"), rs.getInt("refuels"),
                rs.getDouble("drained"), rs.getInt("drains")};
    }
}
