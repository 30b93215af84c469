package io.fleetmesh.api.reports;

import java.util.List;

/** A report's first rows as text, for a page; {@code more}: the report has more rows than shown. */
public record ReportPreview(List<String> headers, List<List<String>> rows, boolean more) {
}
