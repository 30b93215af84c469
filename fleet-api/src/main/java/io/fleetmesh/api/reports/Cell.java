package io.fleetmesh.api.reports;

/**
 * What a column holds, in the unit sources give it: times as Instants, days as LocalDates, distances in metres,
 * speeds in km/h, durations in seconds, fuel in litres. Exports show it in the operator's zone and units.
 */
public enum Cell {
    TEXT, TIME, DAY, COORDINATE, DISTANCE, SPEED, DURATION, HOURS, LITRES, COUNT
}
