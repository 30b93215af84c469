package io.fleetmesh.api.reports;

import io.fleetmesh.api.refusals.InvalidInput;
import java.util.Map;

/** How a report is written: JSON for programs, CSV, XLSX and PDF for people (downloaded as a file). */
public enum ExportFormat {
    JSON("application/json"),
    CSV("text/csv;charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("application/pdf");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public static ExportFormat named(String name) {
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new InvalidInput("Unknown format", "format must be json, csv, xlsx or pdf.", Map.of("format", name));
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return name().toLowerCase();
    }

    public boolean download() {
        return this != JSON;
    }
}
