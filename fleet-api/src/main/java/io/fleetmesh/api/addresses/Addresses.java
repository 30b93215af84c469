package io.fleetmesh.api.addresses;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** The known address near a position, for pages; empty until the resolver has asked, or without a provider. */
@Component
public class Addresses {

    private final AddressCache cache;

    Addresses(AddressCache cache) {
        this.cache = cache;
    }

    public Optional<String> near(double lat, double lon) {
        return cache.known(Place.near(lat, lon)).flatMap(address -> address);
    }
}
