package io.fleetmesh.api.devices;

import io.fleetmesh.api.identity.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk registration from CSV, in the background and in chunks: each chunk's devices are inserted in one batch (a
 * taken id is reported, never overwritten), then the import's progress and row outcomes are stored and announced.
 */
@Component
class DeviceImports {

    private static final Logger log = LoggerFactory.getLogger(DeviceImports.class);
    private static final int CHUNK = 500;
    private static final String INSERT = """
            INSERT INTO devices (tenant_id, id, name, kind, tags, created_at, updated_at)
            SELECT ?, r.id, r.name, r.kind, ARRAY(SELECT jsonb_array_elements_text(r.tags))::varchar(64)[], ?, ?
            FROM jsonb_to_recordset(?::jsonb) AS r(id text, name text, kind text, tags jsonb)
            ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id""";

    private final JdbcTemplate jdbc;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService running = Executors.newSingleThreadExecutor(task -> new Thread(task, "device-import"));

    DeviceImports(JdbcTemplate jdbc, Validator validator, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    /** Reads the CSV (400 if it cannot be read at all) and starts the import; its id. */
    UUID start(Caller caller, String csv) {
        List<CsvDevices.Row> rows = CsvDevices.read(csv);
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO device_imports (id, tenant_id, created_by, created_at, total) VALUES (?, ?, ?, ?, ?)",
                id, caller.tenantId(), caller.name(), Timestamp.from(clock.instant()), rows.size());
        running.execute(() -> run(caller.tenantId(), id, rows));
        return id;
    }

    private void run(UUID tenant, UUID id, List<CsvDevices.Row> rows) {
        int created = 0;
        Set<String> seen = new HashSet<>();
        try {
            for (int from = 0; from < rows.size() || from == 0; from += CHUNK) {
                List<ImportRow> outcomes = chunk(tenant, rows.subList(from, Math.min(rows.size(), from + CHUNK)), seen);
                created += (int) outcomes.stream().filter(ImportRow::created).count();
                int done = Math.min(rows.size(), from + CHUNK);
                record(id, done, created, outcomes, done == rows.size());
                events.publishEvent(new DeviceImportProgressed(tenant, id, rows.size(), done, created, done == rows.size()));
            }
        } catch (RuntimeException e) {
            log.error("device import {} stopped: {}", id, e.toString());
            jdbc.update("UPDATE device_imports SET finished_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
        }
    }

    private List<ImportRow> chunk(UUID tenant, List<CsvDevices.Row> rows, Set<String> seen) {
        List<ImportRow> outcomes = new ArrayList<>();
        List<NewDevice> valid = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        for (CsvDevices.Row row : rows) {
            String problem = row.problem() != null ? row.problem() : problem(row.device(), seen);
            if (problem != null) {
                outcomes.add(new ImportRow(row.line(), row.device() == null ? null : row.device().id(), false, problem));
            } else {
                valid.add(row.device());
                lines.put(row.device().id(), row.line());
            }
        }
        Set<String> inserted = insert(tenant, valid);
        valid.forEach(device -> outcomes.add(new ImportRow(lines.get(device.id()), device.id(), inserted.contains(device.id()),
                inserted.contains(device.id()) ? null : "a device with this id is already registered")));
        outcomes.sort(Comparator.comparingLong(ImportRow::line));
        return outcomes;
    }

    /** One statement per chunk; the ids it inserted (the others were taken). */
    private Set<String> insert(UUID tenant, List<NewDevice> devices) {
        if (devices.isEmpty()) {
            return Set.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return new HashSet<>(jdbc.queryForList(INSERT, String.class, tenant, now, now, json.writeValueAsString(devices)));
    }

    private String problem(NewDevice device, Set<String> seen) {
        String invalid = validator.validate(device).stream().map(DeviceImports::describe).sorted()
                .reduce((first, next) -> first + "; " + next).orElse(null);
        if (invalid == null && !seen.add(device.id())) {
            return "the id appears on an earlier line of this file";
        }
        return invalid;
    }

    private static String describe(ConstraintViolation<NewDevice> violation) {
        return violation.getPropertyPath() + ": " + violation.getMessage();
    }

    private void record(UUID id, int done, int created, List<ImportRow> outcomes, boolean finished) {
        jdbc.update("UPDATE device_imports SET done = ?, created = ?, results = results || ?::jsonb, finished_at = ?"
                + " WHERE id = ?", done, created, json.writeValueAsString(outcomes),
                finished ? Timestamp.from(clock.instant()) : null, id);
    }

    @PreDestroy
    void stop() {
        running.shutdown();
    }
}
