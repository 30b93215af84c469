package io.fleetmesh.api.dashboard;

import io.fleetmesh.api.addresses.Addresses;
import io.fleetmesh.api.telemetry.LatestValues;
import io.fleetmesh.api.trips.StopView;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Where a stop or the last position is, as the device page says it: the known address, else the coordinates. */
@Component
class Places {

    private final Addresses addresses;

    Places(Addresses addresses) {
        this.addresses = addresses;
    }

    String of(StopView stop) {
        return stop.lat() == null || stop.lon() == null ? "—" : named(stop.lat(), stop.lon());
    }

    /** From the latest {@code gps} reading's lat and lon, if it has both as numbers in range. */
    Optional<String> lastPosition(LatestValues latest) {
        LatestValues.Channel gps = latest.channels().get("gps");
        if (gps == null || !number(gps.metrics().get("lat"), 90) || !number(gps.metrics().get("lon"), 180)) {
            return Optional.empty();
        }
        return Optional.of(named(gps.metrics().get("lat").doubleValue(), gps.metrics().get("lon").doubleValue()));
    }

    private String named(double lat, double lon) {
        return addresses.near(lat, lon).orElse(String.format(Locale.ROOT, "%.5f, %.5f", lat, lon));
    }

    private static boolean number(JsonNode value, double limit) {
        return value != null && value.isNumber() && Math.abs(value.doubleValue()) <= limit;
    }
}
