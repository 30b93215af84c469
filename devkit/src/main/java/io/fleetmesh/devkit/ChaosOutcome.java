package io.fleetmesh.devkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What one chaos scenario did to the data: readings confirmed to their sender, rows stored, lost (confirmed but
 * never stored) and duplicated (stored more than once). Printed, and appended as a tab-separated line to the file
 * the system property {@code fleetmesh.chaos.report} names (how {@code bin/chaos} gathers docs/reliability.md).
 */
public record ChaosOutcome(String scenario, long sent, long stored, long lost, long duplicated, String detail) {

    public static final String REPORT_PROPERTY = "fleetmesh.chaos.report";

    public ChaosOutcome report() {
        System.out.printf("chaos: %s: sent %,d, stored %,d, lost %,d, duplicated %,d; %s%n", scenario, sent, stored,
                lost, duplicated, detail);
        String report = System.getProperty(REPORT_PROPERTY);
        if (report != null && !report.isBlank()) {
            append(Path.of(report), String.join("\t", scenario, Long.toString(sent), Long.toString(stored),
                    Long.toString(lost), Long.toString(duplicated), detail) + "\n");
        }
        return this;
    }

    private static void append(Path file, String line) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the chaos report " + file, e);
        }
    }
}
