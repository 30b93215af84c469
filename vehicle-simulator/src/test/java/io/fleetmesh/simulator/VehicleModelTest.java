package io.fleetmesh.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VehicleModelTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void drivesTheRouteHoldsTheSetpointAndNowAndThenHasACompressorFault() {
        VehicleModel truck = new VehicleModel(7, T0);
        List<Double> temps = new ArrayList<>();
        for (int s = 1; s <= 3 * 3600; s += 2) {
            for (VehicleModel.Reading reading : truck.next(T0.plusSeconds(s))) {
                assertThat(reading.metrics().get("ts")).isEqualTo(T0.plusSeconds(s).toString());
                if (reading.channel().equals("gps")) {
                    assertThat((double) reading.metrics().get("lat")).isBetween(52.40, 52.60);
                    assertThat((double) reading.metrics().get("lon")).isBetween(13.25, 13.45);
                }
                if (reading.channel().equals("reefer")) {
                    temps.add((double) reading.metrics().get("temp"));
                }
            }
        }
        assertThat(temps.stream().sorted().toList().get(temps.size() / 2)).as("median box temperature").isBetween(-18.5, -17.5);
        assertThat(temps).as("a compressor fault warms the box past the alert threshold").anyMatch(t -> t > -15);
    }

    @Test
    void headsAlongTheLegItDrives() {
        VehicleModel truck = new VehicleModel(7, T0);
        double[] before = null;
        for (int s = 10; s <= 1800; s += 10) {
            Map<String, Object> gps = truck.next(T0.plusSeconds(s)).get(0).metrics();
            double[] now = {(double) gps.get("lat"), (double) gps.get("lon"), (double) gps.get("heading")};
            if (before != null && before[2] == now[2] && (now[0] != before[0] || now[1] != before[1])) {
                double east = (now[1] - before[1]) * Math.cos(Math.toRadians(now[0]));
                double moved = (Math.toDegrees(Math.atan2(east, now[0] - before[0])) + 360) % 360;
                double off = Math.abs(moved - now[2]) % 360;
                assertThat(Math.min(off, 360 - off)).as("heading %s vs the way it moved", now[2]).isLessThan(2.0);
            }
            assertThat(now[2]).isBetween(0.0, 360.0);
            before = now;
        }
    }

    @Test
    void twoDriversShareTheTruckInShiftsWithABreakParkedAndRefuelledBetween() {
        VehicleModel truck = new VehicleModel(5, T0);
        List<String> drivers = VehicleModel.drivers(5);
        List<String> badges = new ArrayList<>();
        List<Instant> badgedAt = new ArrayList<>();
        double fuelBeforeBreak = 0;
        double fuelAfterBreak = 0;
        Instant breakStarts = T0.plus(VehicleModel.SHIFT);
        Instant breakEnds = breakStarts.plus(VehicleModel.BREAK);
        for (int s = 10; s <= 5 * 3600; s += 10) {
            Instant now = T0.plusSeconds(s);
            for (VehicleModel.Reading reading : truck.next(now)) {
                Map<String, Object> metrics = reading.metrics();
                switch (reading.channel()) {
                    case "driver" -> {
                        badges.add((String) metrics.get("id"));
                        badgedAt.add(now);
                    }
                    case "gps" -> assertThat((double) metrics.get("speed") == 0)
                            .as("parked at %s", now).isEqualTo(!now.isBefore(breakStarts) && now.isBefore(breakEnds));
                    case "engine" -> {
                        double fuel = (double) metrics.get("fuel");
                        fuelBeforeBreak = now.isBefore(breakStarts) ? fuel : fuelBeforeBreak;
                        fuelAfterBreak = now.isBefore(breakEnds) ? fuel : fuelAfterBreak;
                    }
                    default -> { }
                }
            }
        }
        assertThat(drivers).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9A-F]{8}"));
        assertThat(badges).containsExactly(drivers.get(0), "", drivers.get(1));
        assertThat(badgedAt).containsExactly(T0.plusSeconds(10), breakStarts, breakEnds);
        assertThat(fuelAfterBreak - fuelBeforeBreak).as("refuelled in the break").isGreaterThan(30);
    }

    @Test
    void theSameSeedReplaysTheSameTruck() {
        assertThat(new VehicleModel(3, T0).next(T0.plusSeconds(5)))
                .isEqualTo(new VehicleModel(3, T0).next(T0.plusSeconds(5)));
    }
}
