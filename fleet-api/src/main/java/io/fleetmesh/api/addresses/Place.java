package io.fleetmesh.api.addresses;

/** A spot as the address cache keys it: degrees rounded to 1e-4 (about 11 m), as integers. */
public record Place(int latE4, int lonE4) {

    public static Place near(double lat, double lon) {
        return new Place((int) Math.round(lat * 1e4), (int) Math.round(lon * 1e4));
    }

    public double lat() {
        return latE4 / 1e4;
    }

    public double lon() {
        return lonE4 / 1e4;
    }
}
