package io.fleetmesh.api.reports;

import java.io.IOException;

/** Writes a report's rows as they come; {@link #close()} finishes the document (and flushes it). */
interface TableWriter extends AutoCloseable {

    void row(Object[] values) throws IOException;

    @Override
    void close() throws IOException;
}
