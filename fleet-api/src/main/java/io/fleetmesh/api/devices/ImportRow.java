package io.fleetmesh.api.devices;

/** One CSV row's outcome: {@code created}, or why not (invalid, already registered). */
record ImportRow(long line, String id, boolean created, String problem) {
}
