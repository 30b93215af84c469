package io.fleetmesh.api.reports;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes reports: a source's rows, as its cursor gives them, into JSON, CSV, XLSX or PDF. Prometheus:
 * {@code fleetmesh_reports_rows_total{kind,format}} and {@code fleetmesh_reports_seconds{kind,format}}.
 */
@Component
public class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private final Map<ReportKind, ReportSource> sources = new EnumMap<>(ReportKind.class);
    private final TransactionTemplate reading;
    private final JsonMapper json;
    private final MeterRegistry registry;

    Reports(List<ReportSource> sources, PlatformTransactionManager transactions, JsonMapper json, MeterRegistry registry) {
        sources.forEach(source -> this.sources.put(source.kind(), source));
        this.reading = new TransactionTemplate(transactions);
        reading.setReadOnly(true);
        this.json = json;
        this.registry = registry;
    }

    /** Every row of the report into {@code out}; the caller's output is flushed, not closed. */
    public void write(ReportKind kind, ReportQuery query, ExportFormat format, Units units, OutputStream out) {
        Timer.Sample started = Timer.start(registry);
        long rows = reading.execute(status -> written(kind, query, open(format, out, layout(kind, query, units))));
        started.stop(Timer.builder("fleetmesh.reports").description("reports written").tag("kind", kind.path())
                .tag("format", format.extension()).register(registry));
        registry.counter("fleetmesh.reports.rows", "kind", kind.path(), "format", format.extension()).increment(rows);
        log.info("report written: kind={} format={} tenant={} devices={} rows={}", kind.path(), format.extension(),
                query.tenant(), query.wholeFleet() ? "all" : query.devices().size(), rows);
    }

    /** The first {@code query.limit()} rows as the operator reads them, for a page. */
    public ReportPreview preview(ReportKind kind, ReportQuery query, Units units) {
        ReportLayout layout = layout(kind, query, units);
        List<List<String>> rows = new ArrayList<>();
        reading.executeWithoutResult(status -> {
            try (Stream<Object[]> stream = rows(kind, query)) {
                stream.forEach(row -> rows.add(IntStream.range(0, row.length).mapToObj(i -> layout.text(i, row[i])).toList()));
            }
        });
        return new ReportPreview(layout.headers(), rows, rows.size() == query.limit());
    }

    /** {@code trips-2026-12-01-2026-12-04.xlsx}: the kind and the days covered, in the operator's zone. */
    public static String fileName(ReportKind kind, ReportQuery query, ExportFormat format) {
        return kind.path() + "-" + query.period().days(query.zone()) + "." + format.extension();
    }

    private long written(ReportKind kind, ReportQuery query, TableWriter writer) {
        long[] rows = {0};
        try (writer; Stream<Object[]> stream = rows(kind, query)) {
            stream.forEach(row -> {
                rows[0]++;
                write(writer, row);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows[0];
    }

    private static void write(TableWriter writer, Object[] row) {
        try {
            writer.row(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReportLayout layout(ReportKind kind, ReportQuery query, Units units) {
        String covering = query.period().covering(query.zone()) + (query.wholeFleet() ? ", the whole fleet"
                : ", " + String.join(", ", query.devices().subList(0, Math.min(query.devices().size(), 10)))
                + (query.devices().size() > 10 ? " and " + (query.devices().size() - 10) + " more" : ""));
        return new ReportLayout(kind.title(), covering, source(kind).columns(), new Presentation(query.zone(), units));
    }

    private TableWriter open(ExportFormat format, OutputStream out, ReportLayout layout) {
        try {
            return switch (format) {
                case JSON -> new JsonTable(out, layout, json);
                case CSV -> new CsvTable(out, layout);
                case XLSX -> new XlsxTable(out, layout);
                case PDF -> new PdfTable(out, layout);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tag without devices covers nothing (and "IN ()" is not SQL). */
    private Stream<Object[]> rows(ReportKind kind, ReportQuery query) {
        return !query.wholeFleet() && query.devices().isEmpty() ? Stream.empty() : source(kind).rows(query);
    }

    private ReportSource source(ReportKind kind) {
        return sources.get(kind);
    }
}
