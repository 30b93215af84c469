package io.fleetmesh.api.addresses;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reverse geocoding ({@code fleetmesh.geocoding.*}), off unless {@code url} is set.
 *
 * @param url       a Nominatim-compatible service's base (self-hosted: {@code http://nominatim.internal:8080}); its
 *                  {@code /reverse} is asked
 * @param interval  at least this long between two requests, across replicas (Nominatim's public policy: 1 s)
 * @param timeout   for one request
 * @param userAgent sent with each request (Nominatim asks for one that names the application)
 * @param language  Accept-Language of the addresses
 */
@ConfigurationProperties("fleetmesh.geocoding")
record GeocodingProperties(
        URI url,
        @DefaultValue("1s") Duration interval,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("Fleetmesh (self-hosted fleet management)") String userAgent,
        @DefaultValue("en") String language) {
}
