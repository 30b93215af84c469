package io.fleetmesh.api.trips;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The detector's states and thresholds as stored in PostgreSQL: a mapper of the feature's own, so the app's cannot change it. */
final class TripJson {

    private static final JsonMapper json = JsonMapper.builder().build();

    private TripJson() {
    }

    static String write(Object value) {
        return json.writeValueAsString(value);
    }

    /** The stored state, or null if it cannot be read (written by another version): detection then starts over. */
    static DetectorState state(String text) {
        try {
            return json.readValue(text, DetectorState.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    static TripSettings settings(String text) {
        return text == null ? null : json.readValue(text, TripSettings.class);
    }

    static Map<Skip, Integer> skipped(String text) {
        return json.readValue(text, new TypeReference<Map<Skip, Integer>>() { });
    }
}
