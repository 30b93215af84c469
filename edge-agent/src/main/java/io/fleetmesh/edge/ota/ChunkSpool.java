package io.fleetmesh.edge.ota;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The chunks of one package held on the truck, each a file named by its stream sequence on the hub, written whole
 * before it is acknowledged: what a kill -9 or a power cut leaves is what need not be fetched again. The package is
 * the chunks joined in sequence order.
 */
final class ChunkSpool {

    private final Path dir;

    ChunkSpool(Path dir) {
        this.dir = dir;
    }

    boolean has(long sequence) {
        return Files.exists(dir.resolve(Long.toString(sequence)));
    }

    void put(long sequence, byte[] chunk) throws IOException {
        Files.createDirectories(dir);
        DurableFiles.write(dir.resolve(Long.toString(sequence)), chunk);
    }

    int count() throws IOException {
        return sequences().size();
    }

    long bytes() throws IOException {
        long bytes = 0;
        for (long sequence : sequences()) {
            bytes += Files.size(dir.resolve(Long.toString(sequence)));
        }
        return bytes;
    }

    /** Writes the chunks in order into {@code target}, through {@code digest}; the bytes written. */
    long join(Path target, MessageDigest digest) throws IOException {
        long written = 0;
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
            for (long sequence : sequences()) {
                byte[] chunk = Files.readAllBytes(dir.resolve(Long.toString(sequence)));
                digest.update(chunk);
                out.write(chunk);
                written += chunk.length;
            }
            channel.force(true);
        }
        return written;
    }

    void clear() throws IOException {
        for (long sequence : sequences()) {
            Files.deleteIfExists(dir.resolve(Long.toString(sequence)));
        }
    }

    /** Whole chunks only: a {@code .part} left by a crash is not one. */
    private List<Long> sequences() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("[0-9]{1,19}"))
                    .map(Long::parseLong).sorted().toList();
        }
    }
}
