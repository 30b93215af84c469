package io.fleetmesh.api.taps;

import io.fleetmesh.api.mesh.MeshLinks;
import io.fleetmesh.api.mesh.TenantLink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * fleet-api as the reader of exporting taps: each {@code fleetmesh.exports.interval} it pulls a batch, writes one
 * file per UTC hour of it (named by its sequence range) and then acknowledges it. A crash between the file and the
 * acknowledgement leaves the batch to come again: the file that starts at its first sequence is found written, and
 * only what lies beyond it is written anew. One replica at a time reads a tap (a PostgreSQL advisory lock).
 */
@Component
class TapExporter {

    private static final Logger log = LoggerFactory.getLogger(TapExporter.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);

    private final TapStore store;
    private final ExportStore exports;
    private final ExportProperties properties;
    private final MeshLinks links;
    private final TapLocks locks;
    private final MeterRegistry registry;
    private final Clock clock;

    TapExporter(TapStore store, ExportStore exports, ExportProperties properties, MeshLinks links,
                TapLocks locks, MeterRegistry registry, Clock clock) {
        this.store = store;
        this.exports = exports;
        this.properties = properties;
        this.links = links;
        this.locks = locks;
        this.registry = registry;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fleetmesh.exports.interval:5m}", initialDelayString = "${fleetmesh.exports.interval:5m}")
    void exportAll() {
        for (TenantLink link : links.all()) {
            store.list(link.tenant()).stream().filter(tap -> tap.settings().export() != null && !tap.paused())
                    .forEach(tap -> exportLocked(link, tap));
        }
    }

    /** One batch of the tap, if no other replica is exporting it now; the rows written. */
    int exportLocked(TenantLink link, Tap tap) {
        return locks.ifNotExporting(tap.tenant(), tap.name(), () -> exportBatch(link, tap));
    }

    private int exportBatch(TenantLink link, Tap tap) {
        try {
            JetStreamSubscription reader = link.connection().jetStream().subscribe(null,
                    PullSubscribeOptions.bind(tap.stream(), tap.consumer()));
            try {
                List<Message> batch = reader.fetch(properties.batch(), Duration.ofSeconds(2));
                int rows = 0;
                for (List<Message> hour : byHour(batch)) {
                    rows += export(tap, hour);
                }
                link.connection().flush(Duration.ofSeconds(5));
                return rows;
            } finally {
                reader.unsubscribe();
            }
        } catch (Exception e) {
            log.warn("export of tap {} of tenant {} failed, its batch comes again: {}", tap.name(), tap.tenant(), e.toString());
            return 0;
        }
    }

    private static List<List<Message>> byHour(List<Message> batch) {
        Map<String, List<Message>> hours = new TreeMap<>();
        batch.stream().sorted(Comparator.comparingLong(message -> message.metaData().streamSequence()))
                .forEach(message -> hours.computeIfAbsent(HOUR.format(message.metaData().timestamp()),
                        hour -> new ArrayList<>()).add(message));
        return List.copyOf(hours.values());
    }

    /** The hour's messages into files (one, or the rest beyond a file found written), then acknowledged. */
    private int export(Tap tap, List<Message> messages) throws Exception {
        ExportFormat format = tap.settings().export();
        String folder = tap.tenant() + "/" + tap.name() + "/" + HOUR.format(messages.get(0).metaData().timestamp());
        long from = messages.get(0).metaData().streamSequence();
        Optional<Long> written = exports.writtenFrom(folder, from, format);
        if (written.isPresent()) {
            List<Message> done = messages.stream().filter(m -> m.metaData().streamSequence() <= written.get()).toList();
            done.forEach(Message::ack);
            List<Message> rest = messages.subList(done.size(), messages.size());
            return rest.isEmpty() ? 0 : export(tap, rest);
        }
        List<ExportRow> rows = messages.stream().flatMap(message -> ExportRow.of(message).stream()).toList();
        long to = rows.get(rows.size() - 1).streamSequence();
        String key = folder + "/" + ExportStore.name(from, to, format);
        long bytes = exports.write(key, file -> ExportWriters.write(format, rows, file));
        store.recordExport(tap.tenant(), tap.name(), new TapExportFile(from, to, key, rows.size(), bytes, clock.instant()));
        messages.forEach(Message::ack);
        counter(tap).increment(rows.size());
        log.info("tap {} of tenant {}: {} rows (sequences {}..{}) exported to {}", tap.name(), tap.tenant(), rows.size(),
                from, to, key);
        return rows.size();
    }

    private Counter counter(Tap tap) {
        return Counter.builder("fleetmesh.tap.exported.rows").tag("tenant", tap.tenant().toString()).tag("tap", tap.name())
                .description("rows a tap's export wrote to files").register(registry);
    }
}
