package io.fleetmesh.api.taps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The directory exports are written to. A file appears whole or not at all: it is written beside its final name and
 * renamed atomically. Its name is the sequence range it holds, zero-padded so names sort as the sequences do.
 */
@Component
class ExportDirectory {

    private final Path root;

    ExportDirectory(ExportProperties properties) {
        this.root = properties.directory().toAbsolutePath();
    }

    static String name(long from, long to, ExportFormat format) {
        return "%020d-%020d%s".formatted(from, to, format.extension());
    }

    /** The last sequence of a file already written in {@code folder} that starts at {@code from}, if any. */
    Optional<Long> writtenFrom(String folder, long from, ExportFormat format) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        String prefix = "%020d-".formatted(from);
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(prefix) && name.endsWith(format.extension()))
                    .map(name -> Long.parseLong(name.substring(prefix.length(), prefix.length() + 20))).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file with {@code writer} and makes it visible under its name; its size. */
    long write(String key, FileWriter writer) throws IOException {
        Path target = root.resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            writer.write(partial);
            long size = Files.size(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return size;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    interface FileWriter {
        void write(Path file) throws IOException;
    }
}
