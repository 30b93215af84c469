package io.fleetmesh.api.telemetry;

import io.fleetmesh.api.devices.DeviceDirectory;
import io.fleetmesh.api.telemetry.Rejection.Cause;
import io.fleetmesh.protocol.MalformedMessage;
import io.nats.client.Message;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decodes a batch, stores its readings and quarantines the rest, then acks every message. If PostgreSQL is
 * unreachable nothing is acked: the batch is handed back to the hub. If the database refuses the batch, each
 * message is retried alone, so one bad message costs only itself.
 */
@Component
class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);
    private static final Duration REDELIVERY_DELAY = Duration.ofSeconds(2);

    private final ReadingDecoder decoder;
    private final DeviceDirectory directory;
    private final TelemetryStore store;
    private final TelemetryPartitions partitions;
    private final IngestMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BatchProcessor(IngestProperties ingest, TelemetryProperties telemetry, DeviceDirectory directory,
                   TelemetryStore store, TelemetryPartitions partitions, IngestMetrics metrics,
                   ApplicationEventPublisher events, Clock clock) {
        this.decoder = ReadingDecoder.of(ingest, telemetry);
        this.directory = directory;
        this.store = store;
        this.partitions = partitions;
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    /** {@code tenantId}: the tenant whose account the batch came from. */
    void process(UUID tenantId, List<Message> batch, long streamEpoch) {
        List<Reading> readings = new ArrayList<>(batch.size());
        List<Rejection> rejections = new ArrayList<>();
        decode(batch, streamEpoch, readings, rejections);
        List<Reading> known = rejectUnknownDevices(tenantId, readings, rejections);
        int inserted = write(tenantId, known, rejections, batch);
        batch.forEach(Message::ack);
        metrics.recordBatch(tenantId, batch.size(), known.size(), inserted, rejections);
        reportStored(tenantId, known);
    }

    /** The cloud's rules see the batch; whatever goes wrong there never holds the ingest up. */
    private void reportStored(UUID tenantId, List<Reading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        try {
            events.publishEvent(new ReadingsStored(tenantId, readings.stream().map(reading -> new ReadingsStored.Stored(
                    reading.deviceId(), reading.channel(), reading.ts(), reading.metricsJson())).toList()));
        } catch (RuntimeException e) {
            log.warn("cloud rules skipped a batch of {} readings: {}", readings.size(), e.toString());
        }
    }

    private void decode(List<Message> batch, long streamEpoch, List<Reading> readings, List<Rejection> rejections) {
        Instant now = clock.instant();
        for (Message message : batch) {
            for (Decoded decoded : decode(message, streamEpoch, now)) {
                if (decoded instanceof Reading reading) {
                    readings.add(reading);
                } else {
                    rejections.add((Rejection) decoded);
                }
            }
        }
    }

    /** A batch that is not one is quarantined whole: which readings it held cannot be known. */
    private List<Decoded> decode(Message message, long streamEpoch, Instant now) {
        long streamSeq = message.metaData().streamSequence();
        try {
            return HubReadings.of(message, streamEpoch, streamSeq).stream().map(incoming -> decoder.decode(incoming, now)).toList();
        } catch (MalformedMessage e) {
            return List.of(new Rejection(message.getSubject(), message.getData(), Cause.MALFORMED, e.getMessage(), streamSeq));
        }
    }

    private List<Reading> rejectUnknownDevices(UUID tenantId, List<Reading> readings, List<Rejection> rejections) {
        Set<String> registered = directory.registered(tenantId, readings.stream().map(Reading::deviceId).distinct().toList());
        List<Reading> known = new ArrayList<>(readings.size());
        for (Reading reading : readings) {
            if (registered.contains(reading.deviceId())) {
                known.add(reading);
            } else {
                rejections.add(rejection(reading, Cause.UNKNOWN_DEVICE, "device " + reading.deviceId() + " is not registered"));
            }
        }
        return known;
    }

    private int write(UUID tenantId, List<Reading> readings, List<Rejection> rejections, List<Message> batch) {
        try {
            partitions.ensure(readings.stream().map(reading -> utcDay(reading.ts())).distinct().toList());
            return store.write(tenantId, readings, rejections);
        } catch (DataAccessException e) {
            if (!refusesTheData(e)) {
                throw handBack(batch, e);
            }
            log.warn("database refused a batch of {}, storing its messages one by one: {}", batch.size(), e.toString());
            return writeOneByOne(tenantId, readings, rejections, batch);
        }
    }

    /** What {@code LocalDate.ofInstant(ts, UTC)} gives, without building the offset's rules for every reading. */
    private static LocalDate utcDay(Instant ts) {
        return LocalDate.ofEpochDay(Math.floorDiv(ts.getEpochSecond(), 86_400));
    }

    private int writeOneByOne(UUID tenantId, List<Reading> readings, List<Rejection> rejections, List<Message> batch) {
        int inserted = 0;
        for (Reading reading : readings) {
            try {
                inserted += store.write(tenantId, List.of(reading), List.of());
            } catch (DataAccessException e) {
                if (!refusesTheData(e)) {
                    throw handBack(batch, e);
                }
                rejections.add(rejection(reading, Cause.DATABASE, "refused by the database: " + sqlState(e)));
            }
        }
        store.quarantine(tenantId, rejections);
        return inserted;
    }

    /**
     * Only a refusal of the data itself (SQLSTATE class 22 data exception, 23 constraint, 42 rule or 54 limit) is a
     * message's fault. Anything else, a cut connection (08, 57: a restart), a state we cannot read, is the
     * database's: quarantining then would lose a good reading (a PostgreSQL restart under load did).
     */
    static boolean refusesTheData(DataAccessException e) {
        String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && List.of("22", "23", "42", "54").contains(state.substring(0, Math.min(2, state.length())));
    }

    /** Nothing of the batch is acked: the hub redelivers it all once the database answers again. */
    private static DataAccessException handBack(List<Message> batch, DataAccessException e) {
        batch.forEach(message -> message.nakWithDelay(REDELIVERY_DELAY));
        return e;
    }

    private static String sqlState(DataAccessException e) {
        return e.getMostSpecificCause() instanceof SQLException sql ? "SQLSTATE " + sql.getSQLState() : "unknown";
    }

    private static Rejection rejection(Reading reading, Cause cause, String reason) {
        IncomingMessage source = reading.source();
        return new Rejection(source.subject(), source.payload(), cause, reason, source.streamSeq());
    }
}
