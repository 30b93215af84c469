package io.fleetmesh.api.alerts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A geofence's shape as the API takes and shows it: {@code {"circle": {"lat", "lon", "radiusMeters"}}} or
 * {@code {"polygon": [[lat, lon], ...]}} (at least three points).
 */
record GeofenceShape(Circle circle, @Size(min = 3, max = 1000) List<List<Double>> polygon) {

    private static final JsonMapper json = JsonMapper.builder().build();

    record Circle(@DecimalMin("-90") @DecimalMax("90") double lat, @DecimalMin("-180") @DecimalMax("180") double lon,
                  @Positive @DecimalMax("1000000") double radiusMeters) {
    }

    @JsonIgnore
    @AssertTrue(message = "give either a circle or a polygon of [lat, lon] points")
    boolean isOneShape() {
        boolean points = polygon == null || polygon.stream().allMatch(p -> p != null && p.size() == 2
                && p.get(0) != null && Math.abs(p.get(0)) <= 90 && p.get(1) != null && Math.abs(p.get(1)) <= 180);
        return (circle == null) != (polygon == null) && points;
    }

    @JsonIgnore
    Geofence geofence() {
        if (circle != null) {
            return new Geofence.Circle(circle.lat(), circle.lon(), circle.radiusMeters());
        }
        return new Geofence.Polygon(polygon.stream().map(p -> new double[] {p.get(0), p.get(1)}).toList());
    }

    static String json(GeofenceShape shape) {
        return json.writeValueAsString(shape);
    }

    static GeofenceShape parse(String text) {
        return json.readValue(text, GeofenceShape.class);
    }
}
