package io.fleetmesh.api.addresses;

/** The geocoding provider did not answer usefully this time. */
class GeocodingFailed extends RuntimeException {

    GeocodingFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
