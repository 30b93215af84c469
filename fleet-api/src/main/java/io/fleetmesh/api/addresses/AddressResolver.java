package io.fleetmesh.api.addresses;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names places in the background, one request per turn: recent stops first, then last positions. Reports never wait
 * on the provider; they read what is known. After a failure the resolver waits, twice as long each time (up to five
 * minutes). Prometheus: {@code fleetmesh_geocoding_lookups_total{outcome=found|none|failed}}.
 */
class AddressResolver {

    static final int BATCH = 100;
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);
    /** How long to wait before looking for new places after finding none. */
    static final Duration IDLE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(AddressResolver.class);

    private final Geocoder geocoder;
    private final AddressCache cache;
    private final Duration interval;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Deque<Place> waiting = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;
    private Instant lookAgainAt = Instant.MIN;
    private int failures;

    AddressResolver(Geocoder geocoder, AddressCache cache, Duration interval, MeterRegistry registry, Clock clock) {
        this.geocoder = geocoder;
        this.cache = cache;
        this.interval = interval;
        this.registry = registry;
        this.clock = clock;
    }

    /** One look-up if a place waits and it is this replica's turn; false if there was nothing to do now. */
    synchronized boolean step() {
        if (clock.instant().isBefore(pausedUntil) || nextPlace() == null || !cache.turn(interval)) {
            return false;
        }
        Place place = waiting.poll();
        try {
            Optional<String> address = geocoder.addressAt(place);
            cache.store(place, address.orElse(null));
            counted(address.isPresent() ? "found" : "none");
            failures = 0;
        } catch (GeocodingFailed e) {
            paused(place, e);
        }
        return true;
    }

    private Place nextPlace() {
        if (waiting.isEmpty() && !clock.instant().isBefore(lookAgainAt)) {
            waiting.addAll(cache.unnamed(BATCH));
            lookAgainAt = waiting.isEmpty() ? clock.instant().plus(IDLE) : Instant.MIN;
        }
        return waiting.peek();
    }

    private void paused(Place place, GeocodingFailed e) {
        counted("failed");
        failures++;
        Duration pause = interval.multipliedBy(1L << Math.min(failures, 20));
        pausedUntil = clock.instant().plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
        waiting.clear();
        log.warn("geocoding failed: place={},{} reason=\"{}\" failures={} paused until {}", place.lat(), place.lon(),
                e.getMessage(), failures, pausedUntil);
    }

    private void counted(String outcome) {
        registry.counter("fleetmesh.geocoding.lookups", "outcome", outcome).increment();
    }
}
