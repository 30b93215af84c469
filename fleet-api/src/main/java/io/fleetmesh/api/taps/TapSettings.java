package io.fleetmesh.api.taps;

import io.fleetmesh.api.refusals.InvalidInput;
import io.fleetmesh.protocol.SubjectPatterns;
import java.time.Duration;
import java.util.Map;

/**
 * What a tap's consumer is: its stream and filter, and how it holds back, waits and gives up; {@code export}: the
 * format fleet-api writes it to files in, or null when another system reads it.
 */
record TapSettings(TapSource source, String filter, int maxAckPending, Duration ackWait, int maxDeliver,
                   ExportFormat export) {

    static final String NAME = "[a-z0-9][a-z0-9-]{0,31}";

    static TapSettings of(NewTap tap) {
        if (tap.name() == null || !tap.name().matches(NAME)) {
            throw invalid("name", "A tap's name is 1 to 32 lower-case letters, digits and '-', not starting with '-'.");
        }
        TapSource source = TapSource.of(tap.source()).orElseThrow(() -> invalid("source",
                "A tap reads telemetry, events or commands."));
        String filter = tap.filter() == null || tap.filter().isBlank() ? source.subjects() : tap.filter();
        if (!SubjectPatterns.wellFormed(filter) || !SubjectPatterns.within(filter, source.subjects())) {
            throw invalid("filter", "A tap's filter is a subject pattern within its stream's, " + source.subjects() + ".");
        }
        ExportFormat export = tap.export() == null || tap.export().isBlank() ? null : ExportFormat.of(tap.export())
                .orElseThrow(() -> invalid("export", "A tap exports to csv or parquet files."));
        return new TapSettings(source, filter, orDefault(tap.maxAckPending(), 10_000),
                Duration.ofSeconds(orDefault(tap.ackWaitSeconds(), 30)), orDefault(tap.maxDeliver(), 5), export);
    }

    /** Whether the tap reads its whole stream: then every sequence the stream discarded unread was one of its own. */
    boolean wholeStream() {
        return filter.equals(source.subjects());
    }

    static InvalidInput invalid(String field, String detail) {
        return new InvalidInput("Invalid tap", detail, Map.of("field", field));
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
