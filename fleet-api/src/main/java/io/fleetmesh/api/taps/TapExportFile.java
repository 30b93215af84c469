package io.fleetmesh.api.taps;

import java.time.Instant;

/** A file an export wrote: the sequences it holds, where it is ({@code key}, under the export directory), its size. */
record TapExportFile(long fromSequence, long toSequence, String key, int rows, long bytes, Instant writtenAt) {
}
