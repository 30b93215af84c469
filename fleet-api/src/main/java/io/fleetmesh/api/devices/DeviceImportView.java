package io.fleetmesh.api.devices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bulk import as the API shows it: progress, each row's outcome by line so far, and why it stopped early
 * ({@code error}; null when it ran to the end or still runs).
 */
record DeviceImportView(UUID id, String createdBy, Instant createdAt, int total, int done, int created,
                        Instant finishedAt, String error, List<ImportRow> rows) {
}
