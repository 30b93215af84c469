package io.fleetmesh.api.telemetry;

import java.time.Instant;

/** A metric's average over one bucket of time. */
record SeriesPoint(Instant bucket, String metric, double value) {
}
