package io.fleetmesh.api.fuel;

import java.time.Instant;
import java.util.List;

/**
 * A device's fuel over a period: its filtered level at each end (null without readings), what it refuelled and
 * what drained while parked, and what it consumed: the difference in level with refuels added and drains taken out.
 */
public record FuelUsage(Instant from, Instant to, Double litresAtStart, Double litresAtEnd, Double consumedLitres,
                        double refuelledLitres, double drainedLitres, List<Change> changes) {

    /** A refuel or drain as the API gives it; {@code kind} is {@code refuel} or {@code drain}. */
    public record Change(String kind, Instant startedAt, Instant endedAt, double litresBefore, double litresAfter,
                         double litres) {

        static Change of(FuelChange change) {
            return new Change(change.kind().apiName(), change.startedAt(), change.endedAt(), change.litresBefore(),
                    change.litresAfter(), change.litres());
        }
    }

    static FuelUsage of(Instant from, Instant to, Double start, Double end, List<FuelChange> changes) {
        double refuelled = total(changes, FuelChange.Kind.REFUEL);
        double drained = total(changes, FuelChange.Kind.DRAIN);
        Double consumed = start == null || end == null ? null : Math.max(0, start - end + refuelled - drained);
        return new FuelUsage(from, to, start, end, consumed, refuelled, drained,
                changes.stream().map(Change::of).toList());
    }

    private static double total(List<FuelChange> changes, FuelChange.Kind kind) {
        return changes.stream().filter(change -> change.kind() == kind).mapToDouble(FuelChange::litres).sum();
    }
}
