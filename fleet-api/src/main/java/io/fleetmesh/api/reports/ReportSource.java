package io.fleetmesh.api.reports;

import java.util.List;
import java.util.stream.Stream;

/**
 * A report's rows, from the feature that owns their table. The stream is read inside a read-only transaction, so a
 * source that queries with {@link ReportRows} hands rows over as PostgreSQL's cursor gives them: a month of a large
 * fleet is never in memory at once. Each row has one value a column, in the column's order.
 */
public interface ReportSource {

    ReportKind kind();

    List<Column> columns();

    Stream<Object[]> rows(ReportQuery query);
}
