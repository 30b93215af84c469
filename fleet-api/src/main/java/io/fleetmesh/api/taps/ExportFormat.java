package io.fleetmesh.api.taps;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an exporting tap writes its files in. */
enum ExportFormat {
    CSV, PARQUET;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    String extension() {
        return "." + label();
    }

    static Optional<ExportFormat> of(String label) {
        return Arrays.stream(values()).filter(format -> format.label().equals(label)).findFirst();
    }
}
