package io.fleetmesh.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Many readings of one subject in one hub message (ADR 0016): what a truck's forwarder sends when its outbox holds
 * more than one reading of a channel. Published on the readings' own subject {@code fleet.<device>.telemetry.<channel>}
 * with the header {@link MeshHeaders#BATCH} (the number of readings), so streams, consumers' filters, permissions
 * and the hub's mappings see it as they see a single reading.
 * <p>
 * Payload, big-endian: one byte {@link #VERSION}, then per reading its epoch (8 bytes), its sequence in the truck's
 * outbox (8 bytes), the length of its body (4 bytes) and the body: exactly what a single reading's payload would be.
 */
public final class TelemetryBatch {

    public static final int VERSION = 1;
    /** Readings per batch at most: enough to make the hub's cost per reading small, small enough to pull many. */
    public static final int MAX_READINGS = 100;
    /** Payload bytes per batch at most, well below the hub's max_payload. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final int ENTRY_HEADER = 8 + 8 + 4;

    /** One reading: its identity {@code (epoch, seq)} and its body as the sensor published it. */
    public record Entry(long epoch, long seq, byte[] body) {
    }

    private TelemetryBatch() {
    }

    /** The payload bytes a batch of these readings takes. */
    public static int size(List<byte[]> bodies) {
        return 1 + bodies.stream().mapToInt(body -> ENTRY_HEADER + body.length).sum();
    }

    /** Whether one more body still fits a batch that holds {@code readings} readings in {@code bytes} bytes. */
    public static boolean fits(int readings, int bytes, byte[] body) {
        return readings < MAX_READINGS && bytes + ENTRY_HEADER + body.length <= MAX_BYTES;
    }

    /**
     * The items cut, in order, into runs that each fit one batch. An item whose body no batch can hold is a run of
     * its own (it goes as a single message).
     */
    public static <T> List<List<T>> cut(List<T> items, Function<T, byte[]> body) {
        List<List<T>> runs = new ArrayList<>();
        List<T> run = new ArrayList<>();
        int bytes = 1;
        for (T item : items) {
            byte[] next = body.apply(item);
            if (!run.isEmpty() && !fits(run.size(), bytes, next)) {
                runs.add(run);
                run = new ArrayList<>();
                bytes = 1;
            }
            run.add(item);
            bytes += ENTRY_HEADER + next.length;
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    public static byte[] pack(List<Entry> entries) {
        ByteBuffer out = ByteBuffer.allocate(size(entries.stream().map(Entry::body).toList()));
        out.put((byte) VERSION);
        for (Entry entry : entries) {
            out.putLong(entry.epoch()).putLong(entry.seq()).putInt(entry.body().length).put(entry.body());
        }
        return out.array();
    }

    /** The readings, in the order packed; a payload that is not a whole batch of this version is refused. */
    public static List<Entry> unpack(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        if (!in.hasRemaining() || in.get() != VERSION) {
            throw new MalformedMessage("telemetry batch is not of version " + VERSION);
        }
        List<Entry> entries = new ArrayList<>();
        try {
            while (in.hasRemaining()) {
                entries.add(entry(in));
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new MalformedMessage("telemetry batch is cut short after " + entries.size() + " readings");
        }
        if (entries.isEmpty()) {
            throw new MalformedMessage("telemetry batch holds no reading");
        }
        return entries;
    }

    private static Entry entry(ByteBuffer in) {
        long epoch = in.getLong();
        long seq = in.getLong();
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("body beyond the payload");
        }
        byte[] body = new byte[length];
        in.get(body);
        return new Entry(epoch, seq, body);
    }
}
