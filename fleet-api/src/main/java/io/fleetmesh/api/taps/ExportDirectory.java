package io.fleetmesh.api.taps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Exports into a directory. A file appears whole or not at all: it is written beside its final name and renamed
 * atomically.
 */
class ExportDirectory implements ExportStore {

    private final Path root;

    ExportDirectory(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public Optional<Long> writtenFrom(String folder, long from, ExportFormat format) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return ExportStore.endOf(files.map(file -> file.getFileName().toString()), from, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long write(String key, FileWriter writer) throws IOException {
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
}
