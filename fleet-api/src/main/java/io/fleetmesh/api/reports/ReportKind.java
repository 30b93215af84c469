package io.fleetmesh.api.reports;

/** The reports an operator can ask for; each has one {@link ReportSource}. */
public enum ReportKind {
    ROUTE("Route"), TRIPS("Trips"), STOPS("Stops"), SUMMARY("Summary"), DRIVERS("Drivers"), FUEL("Fuel"),
    EVENTS("Events");

    private final String title;

    ReportKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** As in the report's path: {@code /api/v1/reports/trips}. */
    public String path() {
        return name().toLowerCase();
    }

    /** The report a request path names by its last segment ({@code /api/v1/reports/trips}). */
    public static ReportKind at(String path) {
        return valueOf(path.substring(path.lastIndexOf('/') + 1).toUpperCase());
    }
}
