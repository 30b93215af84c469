package io.fleetmesh.api.reports;

import java.util.List;

/** What a written report starts with: its title, what it covers, its columns and how the reader sees them. */
public record ReportLayout(String title, String covering, List<Column> columns, Presentation presentation) {

    List<String> headers() {
        return columns.stream().map(presentation::header).toList();
    }

    String text(int column, Object value) {
        return presentation.text(columns.get(column), value);
    }
}
