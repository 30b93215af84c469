package io.fleetmesh.api.alerts;

import io.fleetmesh.api.geo.GreatCircle;
import java.util.List;

/**
 * A geofence's shape, pure: a circle (center and radius in metres, great-circle distance) or a polygon (a ring of
 * [lat, lon] points, ray casting; fine for fences of city or region size, away from the poles and the antimeridian).
 */
sealed interface Geofence {

    boolean contains(double lat, double lon);

    record Circle(double lat, double lon, double radiusMeters) implements Geofence {

        @Override
        public boolean contains(double pointLat, double pointLon) {
            return GreatCircle.meters(lat, lon, pointLat, pointLon) <= radiusMeters;
        }
    }

    record Polygon(List<double[]> ring) implements Geofence {

        @Override
        public boolean contains(double lat, double lon) {
            boolean inside = false;
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                double[] a = ring.get(i);
                double[] b = ring.get(j);
                if ((a[0] > lat) != (b[0] > lat) && lon < (b[1] - a[1]) * (lat - a[0]) / (b[0] - a[0]) + a[1]) {
                    inside = !inside;
                }
            }
            return inside;
        }
    }
}
