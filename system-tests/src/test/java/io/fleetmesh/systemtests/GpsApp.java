package io.fleetmesh.systemtests;

import io.fleetmesh.protocol.Subjects;
import io.nats.client.JetStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A truck's gps app: a fix each 10 s, parked or driving north or south at 36 km/h (100 m a fix). */
final class GpsApp {

    static final double START_LAT = 52.52;
    static final double STEP = 100 / 111_195.0;

    private final JetStream stream;
    private final String device;
    private Instant at;
    private double lat = START_LAT;

    /** Publishing with {@code stream}: a truck's leaf, or the hub for a device without an agent. */
    GpsApp(JetStream stream, String device, Instant start) {
        this.stream = stream;
        this.device = device;
        this.at = start;
    }

    GpsApp parked(int fixes) throws Exception {
        for (int i = 0; i < fixes; i++) {
            fix(0);
        }
        return this;
    }

    GpsApp drive(int fixes, int direction) throws Exception {
        for (int i = 0; i < fixes; i++) {
            lat += direction * STEP;
            fix(36);
        }
        return this;
    }

    private void fix(double speedKmh) throws Exception {
        String payload = "{\"ts\": \"%s\", \"lat\": %s, \"lon\": 13.405, \"speed\": %s}".formatted(at, lat, speedKmh);
        stream.publish(Subjects.telemetry(device, "gps"), payload.getBytes(StandardCharsets.UTF_8));
        at = at.plusSeconds(10);
    }
}
