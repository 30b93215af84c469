package io.fleetmesh.edge.leaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the truck's disk lets the leaf store. Left to itself, nats-server takes 75% of the disk that is free when it
 * starts as its JetStream limit and, once that is used, refuses the newest readings: an outbox whose own limit is
 * larger never gets to discard its oldest (counted, alerted), and cannot even be created on a disk with less free
 * space than its limit. So the agent sets both from 90% of what the store may use (the free space plus what it
 * already holds): a reserve for commands, alerts and claims, and the outbox, with room for the one file block
 * (up to a quarter of the stream's size) that discarding its oldest messages leaves on disk until it is removed.
 *
 * @param storeBytes  the leaf's {@code max_file_store}
 * @param outboxBytes the outbox stream's {@code max_bytes}
 */
public record DiskBudget(long storeBytes, long outboxBytes) {

    private static final long MIB = 1L << 20;
    private static final long MIN_RESERVE = MIB;
    private static final long MAX_RESERVE = 64 * MIB;

    /** {@code usable}: free bytes on the store's file system; {@code stored}: bytes the store holds already. */
    static DiskBudget of(long usable, long stored, long configuredOutbox) {
        long disk = (long) ((usable + stored) * 0.9);
        long reserve = Math.max(MIN_RESERVE, Math.min(MAX_RESERVE, disk / 10));
        long room = (disk - reserve) / 4 * 3;
        long outbox = Math.min(configuredOutbox, room);
        if (room < Math.min(configuredOutbox, MIB)) {
            throw new IllegalStateException("the truck's disk has room for %,d bytes of store: too little for an outbox"
                    .formatted(disk));
        }
        return new DiskBudget(Math.min(disk, outbox + outbox / 4 + reserve), outbox);
    }

    public static DiskBudget measure(Path dataDir, long configuredOutbox) throws IOException {
        Files.createDirectories(dataDir);
        return of(Files.getFileStore(dataDir).getUsableSpace(), sizeOf(dataDir.resolve("jetstream")), configuredOutbox);
    }

    /** What the leaf's store may still take of the disk: its limit less what it holds now. */
    public long unclaimed(Path dataDir) {
        try {
            return Math.max(0, storeBytes - sizeOf(dataDir.resolve("jetstream")));
        } catch (IOException unreadable) {
            return storeBytes;
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(DiskBudget::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException goneMeanwhile) {
            return 0;
        }
    }
}
