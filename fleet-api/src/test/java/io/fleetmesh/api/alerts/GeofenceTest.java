package io.fleetmesh.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetmesh.api.geo.GreatCircle;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeofenceTest {

    // Berlin Hauptbahnhof and Potsdamer Platz, about 1.6 km apart
    private static final double HBF_LAT = 52.5251, HBF_LON = 13.3694;
    private static final double POTSDAMER_LAT = 52.5096, POTSDAMER_LON = 13.3760;

    @Test
    void aCircleContainsWhatIsWithinItsRadius() {
        assertThat(GreatCircle.meters(HBF_LAT, HBF_LON, POTSDAMER_LAT, POTSDAMER_LON)).isCloseTo(1_790, within(60.0));
        Geofence depot = new Geofence.Circle(HBF_LAT, HBF_LON, 1_000);
        assertThat(depot.contains(HBF_LAT + 0.001, HBF_LON)).isTrue();
        assertThat(depot.contains(POTSDAMER_LAT, POTSDAMER_LON)).isFalse();
        assertThat(new Geofence.Circle(HBF_LAT, HBF_LON, 2_000).contains(POTSDAMER_LAT, POTSDAMER_LON)).isTrue();
    }

    @Test
    void aPolygonContainsItsInsideOnly() {
        Geofence square = new Geofence.Polygon(List.of(new double[] {52.50, 13.30}, new double[] {52.50, 13.40},
                new double[] {52.55, 13.40}, new double[] {52.55, 13.30}));
        assertThat(square.contains(HBF_LAT, HBF_LON)).isTrue();
        assertThat(square.contains(52.49, 13.35)).isFalse();
        assertThat(square.contains(52.52, 13.41)).isFalse();
    }

    @Test
    void aConcavePolygonExcludesItsNotch() {
        // a U: the notch between the arms is outside
        Geofence u = new Geofence.Polygon(List.of(new double[] {0, 0}, new double[] {0, 3}, new double[] {3, 3},
                new double[] {3, 2}, new double[] {1, 2}, new double[] {1, 1}, new double[] {3, 1}, new double[] {3, 0}));
        assertThat(u.contains(2, 0.5)).isTrue();
        assertThat(u.contains(2, 1.5)).isFalse();
        assertThat(u.contains(0.5, 1.5)).isTrue();
    }
}
