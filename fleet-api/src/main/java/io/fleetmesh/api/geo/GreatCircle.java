package io.fleetmesh.api.geo;

/** Distances on the Earth as a sphere (haversine): within 0.5 % of the ellipsoid, plenty for fences and odometers. */
public final class GreatCircle {

    public static final double EARTH_RADIUS_M = 6_371_008.8;

    private GreatCircle() {
    }

    public static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
