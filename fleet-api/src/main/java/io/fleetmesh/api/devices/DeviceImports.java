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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk registration from CSV, in the background and in chunks: each chunk's devices are inserted in one statement (a
 * taken id is reported, never overwritten) in the transaction that stores its rows' outcomes and the progress, which
 * is then announced.
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
    // two at a time per replica: one tenant's big import does not hold another's up for long
    private final ExecutorService running = Executors.newFixedThreadPool(2, task -> new Thread(task, "device-import"));
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private final TransactionTemplate transactions;

    DeviceImports(JdbcTemplate jdbc, Validator validator, ApplicationEventPublisher events, Clock clock,
                  PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    /** Reads the CSV (refused if it cannot be read at all) and starts the import; its id. */
    UUID start(Caller caller, String csv) {
        List<CsvDevices.Row> rows = CsvDevices.read(csv);
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO device_imports (id, tenant_id, created_by, created_at, total) VALUES (?, ?, ?, ?, ?)",
                id, caller.tenantId(), caller.name(), Timestamp.from(clock.instant()), rows.size());
        running.execute(() -> run(caller.tenantId(), id, rows));
        return id;
    }

    private void run(UUID tenant, UUID id, List<CsvDevices.Row> rows) {
        active.add(id);
        Set<String> seen = new HashSet<>();
        int created = 0;
        int reached = 0;
        try {
            for (int from = 0; from < rows.size() || from == 0; from += CHUNK) {
                List<CsvDevices.Row> part = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                int done = from + part.size();
                created += transactions.execute(status -> recorded(tenant, id, part, seen, done, rows.size()));
                reached = done;
                events.publishEvent(new DeviceImportProgressed(tenant, id, rows.size(), done, created, done == rows.size()));
            }
        } catch (RuntimeException e) {
            log.error("device import {} stopped: {}", id, e.toString());
            stopped(id, "stopped by an error; the rows reported were imported, the others not");
            events.publishEvent(new DeviceImportProgressed(tenant, id, rows.size(), reached, created, true));
        } finally {
            active.remove(id);
        }
    }

    /** A chunk's devices and their outcomes, in one transaction: none created without being reported. */
    private int recorded(UUID tenant, UUID id, List<CsvDevices.Row> part, Set<String> seen, int done, int total) {
        List<ImportRow> outcomes = chunk(tenant, part, seen);
        int created = (int) outcomes.stream().filter(ImportRow::created).count();
        jdbc.batchUpdate("INSERT INTO device_import_rows (import_id, line, device_id, created, problem) VALUES (?, ?, ?, ?, ?)",
                outcomes.stream().map(row -> new Object[] {id, row.line(), row.id(), row.created(), row.problem()}).toList());
        jdbc.update("UPDATE device_imports SET done = ?, created = created + ?, finished_at = ? WHERE id = ?", done,
                created, done == total ? Timestamp.from(clock.instant()) : null, id);
        return created;
    }

    private void stopped(UUID id, String why) {
        jdbc.update("UPDATE device_imports SET finished_at = ?, error = ? WHERE id = ? AND finished_at IS NULL",
                Timestamp.from(clock.instant()), why, id);
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

    /** An import cut short by a stop says so, rather than "running" for ever. */
    @PreDestroy
    void stop() {
        running.shutdownNow();
        active.forEach(id -> stopped(id, "interrupted: fleet-api stopped; the rows reported were imported, the others not"));
    }
}
