package io.fleetmesh.api.devices;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bulk import as the API shows it: progress while it runs, each row's outcome once it is over. */
record DeviceImportView(UUID id, String createdBy, Instant createdAt, int total, int done, int created,
                        Instant finishedAt, List<ImportRow> rows) {
}
