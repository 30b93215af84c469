package io.fleetmesh.api.reports;

/** One column of a report: its key in JSON, its title in exports (the unit is added) and what it holds. */
public record Column(String key, String title, Cell cell) {

    public static Column of(String key, String title, Cell cell) {
        return new Column(key, title, cell);
    }
}
