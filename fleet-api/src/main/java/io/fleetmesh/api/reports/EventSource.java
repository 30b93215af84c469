package io.fleetmesh.api.reports;

import java.util.stream.Stream;

/** A feature's events for the events report, ordered by time (then device), read as {@link ReportSource} rows are. */
public interface EventSource {

    Stream<ReportEvent> events(ReportQuery query);
}
