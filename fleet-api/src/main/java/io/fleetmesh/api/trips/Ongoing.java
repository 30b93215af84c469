package io.fleetmesh.api.trips;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a tracker's state says of now: the trip or stop under way, and the counters. */
final class Ongoing {

    private Ongoing() {
    }

    /** The trip under way, up to the halt it may be ending in, else up to the latest fix. */
    static Optional<TripView> trip(String device, Trackers.Tracker tracker) {
        DetectorState state = tracker.state();
        if (state == null || state.mode() != DetectorState.Mode.MOVING || state.lastFix() == null) {
            return Optional.empty();
        }
        Span trip = state.pending() != null ? state.pending().before() : state.open();
        Span end = state.pending() != null ? state.pending().span() : Span.startingAt(state.lastFix(), state.counters());
        return Optional.of(view(device, trip.tripUntil(end), tracker.odometerOffsetM()));
    }

    static Optional<StopView> stop(String device, Trackers.Tracker tracker) {
        DetectorState state = tracker.state();
        if (state == null || state.mode() != DetectorState.Mode.STOPPED || state.consumedUntil() == null) {
            return Optional.empty();
        }
        Place arrival = state.open().start();
        Instant latest = state.consumedUntil();
        return Optional.of(new StopView(device, arrival.at(), latest, arrival.lat(), arrival.lon(),
                Duration.between(arrival.at(), latest).toSeconds(), state.open().engineSeconds(), true));
    }

    static Odometer odometer(String device, Trackers.Tracker tracker) {
        Counters counters = tracker == null || tracker.state() == null ? Counters.ZERO : tracker.state().counters();
        double odometerOffset = tracker == null ? 0 : tracker.odometerOffsetM();
        double engineOffset = tracker == null ? 0 : tracker.engineOffsetH();
        return new Odometer(device, counters.odometerM() + odometerOffset, counters.engineHours() + engineOffset,
                counters.vehicleOdometerM() != null ? Odometer.Source.VEHICLE : Odometer.Source.COMPUTED,
                counters.vehicleEngineHours() != null ? Odometer.Source.VEHICLE : Odometer.Source.COMPUTED);
    }

    private static TripView view(String device, Segment.Trip trip, double offset) {
        long seconds = trip.duration().toSeconds();
        return new TripView(device, trip.start().at(), trip.end().at(), trip.start().lat(), trip.start().lon(),
                trip.end().lat(), trip.end().lon(), trip.distanceM(), seconds, trip.maxSpeedKmh(), trip.averageSpeedKmh(),
                trip.engineSeconds(), trip.odometerStartM() + offset, trip.odometerEndM() + offset, trip.driver(), true);
    }
}
