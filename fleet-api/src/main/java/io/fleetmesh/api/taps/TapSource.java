package io.fleetmesh.api.taps;

import io.fleetmesh.api.mesh.HubStreams;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The hub stream a tap reads: one stream, one filter within it, per consumer on 2.9 (ADR 0015). */
enum TapSource {
    TELEMETRY(HubStreams.TELEMETRY, HubStreams.TELEMETRY_SUBJECTS),
    EVENTS(HubStreams.EVENTS, HubStreams.EVENTS_SUBJECTS),
    COMMANDS(HubStreams.COMMANDS, HubStreams.COMMANDS_SUBJECTS);

    private final String stream;
    private final String subjects;

    TapSource(String stream, String subjects) {
        this.stream = stream;
        this.subjects = subjects;
    }

    String stream() {
        return stream;
    }

    /** Everything the stream captures: the filter of a tap that reads it whole. */
    String subjects() {
        return subjects;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TapSource> of(String label) {
        return Arrays.stream(values()).filter(source -> source.label().equals(label)).findFirst();
    }
}
