package io.fleetmesh.api.addresses;

import java.util.Optional;

/**
 * Reverse geocoding: the address at a place, empty if the provider knows none there. Throws {@link GeocodingFailed}
 * when it could not ask (down, slow, refusing): the place is then asked again later.
 */
interface Geocoder {

    Optional<String> addressAt(Place place);
}
