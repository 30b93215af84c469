package io.fleetmesh.api.taps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where exports go: a directory ({@link ExportDirectory}) or an S3-compatible bucket ({@link ExportBucket}). A file's
 * name is the sequence range it holds, zero-padded so names sort as the sequences do; it is written whole or not at
 * all, so a file found is a file complete.
 */
interface ExportStore {

    /** The last sequence of a file already written in {@code folder} that starts at {@code from}, if any. */
    Optional<Long> writtenFrom(String folder, long from, ExportFormat format) throws IOException;

    /** Writes the file with {@code writer} and makes it visible under {@code key}; its size. */
    long write(String key, FileWriter writer) throws IOException;

    interface FileWriter {
        void write(Path file) throws IOException;
    }

    static String name(long from, long to, ExportFormat format) {
        return "%020d-%020d%s".formatted(from, to, format.extension());
    }

    /** Of the names in a folder, the end of the one that starts at {@code from}. */
    static Optional<Long> endOf(Stream<String> names, long from, ExportFormat format) {
        String prefix = "%020d-".formatted(from);
        return names.filter(name -> name.startsWith(prefix) && name.endsWith(format.extension())
                        && name.length() == prefix.length() + 20 + format.extension().length())
                .map(name -> Long.parseLong(name.substring(prefix.length(), prefix.length() + 20))).findFirst();
    }
}
