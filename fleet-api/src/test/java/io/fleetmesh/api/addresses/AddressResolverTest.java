package io.fleetmesh.api.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.TestInfrastructure;
import io.fleetmesh.protocol.Subjects;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reverse geocoding against a real local HTTP server that speaks Nominatim's reverse JSON: a stop's place is asked
 * once, its address shows in the stops report, an unknown place shows coordinates, a failing provider pauses the
 * resolver, and two replicas keep one pace.
 */
class AddressResolverTest extends IntegrationTest {

    private static final String NOWHERE = "{\"error\": \"Unable to geocode\"}";

    @Autowired
    private AddressCache cache;

    @Autowired
    private Addresses addresses;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private MeterRegistry registry;

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer nominatim;
    private String device;
    private Place place;
    private volatile Place unknown;

    @BeforeEach
    void aLocalNominatimAndAStop() throws IOException {
        nominatim = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        nominatim.createContext("/reverse", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            asked.add(query + " ua=" + exchange.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = answer(query).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        nominatim.start();
        device = uniqueId("geo");
        createDevice(device);
        place = new Place(ThreadLocalRandom.current().nextInt(-600_000, 600_000), ThreadLocalRandom.current().nextInt(-1_700_000, 1_700_000));
    }

    @AfterEach
    void stopNominatim() {
        nominatim.stop(0);
    }

    @Test
    void aStopsPlaceIsAskedOnceAndItsAddressShowsInTheStopsReport() {
        Instant arrived = stop(place.lat() + 0.00001, place.lon() - 0.00002);
        stop(place.lat() - 0.00002, place.lon() + 0.00001); // the same place, rounded

        AddressResolver resolver = resolver(Duration.ofMillis(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> resolver.step() && addresses.near(place.lat(), place.lon()).isPresent());
        for (int i = 0; i < 5; i++) {
            resolver.step();
        }

        assertThat(asked).filteredOn(query -> query.contains(coordinates(place)))
                .singleElement().asString().contains("format=jsonv2").contains("ua=Fleetmesh");
        List<JsonNode> stops = get("/api/v1/reports/stops?device=%s&from=%s&to=%s".formatted(device,
                arrived.minusSeconds(60), arrived.plusSeconds(7200))).json().valueStream().toList();
        assertThat(stops).hasSize(2).allSatisfy(stop -> assertThat(stop.get("address").stringValue())
                .isEqualTo("Street at " + coordinates(place)));
    }

    @Test
    void theDevicePageNamesItsLastPositionOnceKnown() throws Exception {
        nats.jetStream().publish(Subjects.telemetry(device, "gps"), "{\"ts\": \"%s\", \"lat\": %s, \"lon\": %s}"
                .formatted(Instant.now().minusSeconds(5), place.lat(), place.lon()).getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/v1/devices/%s/telemetry/latest".formatted(device))
                .body().contains("gps"));
        FormSession operator = new FormSession(baseUrl()).logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        assertThat(operator.page("/devices/" + device).body()).contains(String.format(Locale.ROOT, "%.5f, %.5f",
                place.lat(), place.lon()));

        AddressResolver resolver = resolver(Duration.ofMillis(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> resolver.step() && addresses.near(place.lat(), place.lon()).isPresent());

        assertThat(operator.page("/devices/" + device).body()).contains("Last position: <span>Street at " + coordinates(place)
                .replace("&", "&amp;") + "</span>");
    }

    @Test
    void aPlaceTheProviderDoesNotKnowIsAskedOnceAndTheReportShowsItsCoordinates() {
        unknown = place;
        Instant arrived = stop(place.lat(), place.lon());

        AddressResolver resolver = resolver(Duration.ofMillis(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> resolver.step() && cache.known(place).isPresent());

        assertThat(cache.known(place)).contains(Optional.empty());
        assertThat(addresses.near(place.lat(), place.lon())).isEmpty();
        JsonNode stop = get("/api/v1/reports/stops?device=%s&from=%s&to=%s".formatted(device, arrived.minusSeconds(60),
                arrived.plusSeconds(7200))).json().get(0);
        assertThat(stop.get("address").stringValue()).isEqualTo(String.format(Locale.ROOT, "%.5f, %.5f", place.lat(), place.lon()));
    }

    @Test
    void aFailingProviderPausesTheResolverTwiceAsLongEachTime() {
        stop(place.lat(), place.lon());
        status.set(503);
        MovableClock clock = new MovableClock();
        AddressResolver resolver = new AddressResolver(new NominatimGeocoder(properties(Duration.ofSeconds(1))), cache,
                Duration.ofMillis(1), registry, clock);
        double failed = registry.counter("fleetmesh.geocoding.lookups", "outcome", "failed").count();

        assertThat(resolver.step()).as("asked, and failed").isTrue();
        assertThat(resolver.step()).as("paused").isFalse();
        clock.move(Duration.ofMillis(3));
        jdbc.update("UPDATE geocoding_pace SET last_at = '-infinity'"); // the shared pace is not what this test is about
        assertThat(resolver.step()).as("asked again after 2 intervals").isTrue();
        clock.move(Duration.ofMillis(3));
        assertThat(resolver.step()).as("paused for 4 intervals now").isFalse();

        assertThat(registry.counter("fleetmesh.geocoding.lookups", "outcome", "failed").count()).isEqualTo(failed + 2);
        assertThat(cache.known(place)).isEmpty();
    }

    @Test
    void twoReplicasAskNoMoreOftenThanTheIntervalBetweenThem() {
        stop(place.lat(), place.lon());
        stop(place.lat() + 0.01, place.lon());
        AddressResolver first = resolver(Duration.ofHours(1));
        AddressResolver second = resolver(Duration.ofHours(1));
        jdbc.update("UPDATE geocoding_pace SET last_at = '-infinity'");

        assertThat(first.step()).isTrue();
        assertThat(second.step()).as("not its turn within the hour").isFalse();
        assertThat(first.step()).as("nor the first's again").isFalse();
        assertThat(asked).hasSize(1);
    }

    @Test
    void theResolverRunsOnlyWithAProvidersUrl() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, GeocodingConfiguration.class)
                .withBean(AddressCache.class, () -> cache).withBean(MeterRegistry.class, () -> registry)
                .withBean(Clock.class, Clock::systemUTC);

        context.run(off -> assertThat(off).doesNotHaveBean(AddressResolver.class));
        context.withPropertyValues("fleetmesh.geocoding.url=http://127.0.0.1:9", "fleetmesh.geocoding.interval=2s")
                .run(on -> assertThat(on).hasSingleBean(AddressResolver.class));
    }

    @EnableConfigurationProperties(GeocodingProperties.class)
    static class Properties {
    }

    private AddressResolver resolver(Duration interval) {
        return new AddressResolver(new NominatimGeocoder(properties(interval)), cache, interval, registry, Clock.systemUTC());
    }

    private GeocodingProperties properties(Duration interval) {
        return new GeocodingProperties(URI.create("http://127.0.0.1:" + nominatim.getAddress().getPort() + "/"), interval,
                Duration.ofSeconds(5), "Fleetmesh tests", "en");
    }

    private String answer(String query) {
        if (unknown != null && query.contains(coordinates(unknown))) {
            return NOWHERE;
        }
        String at = query.replaceAll(".*lat=([-0-9.]+)&lon=([-0-9.]+).*", "lat=$1&lon=$2");
        return "{\"place_id\": 1, \"lat\": \"0\", \"lon\": \"0\", \"display_name\": \"Street at " + at + "\","
                + " \"address\": {\"road\": \"Street\", \"country\": \"Testland\"}}";
    }

    private static String coordinates(Place place) {
        return String.format(Locale.ROOT, "lat=%.4f&lon=%.4f", place.lat(), place.lon());
    }

    /** A stop of the device here an hour ago (stored as trip detection stores one). */
    private Instant stop(double lat, double lon) {
        Instant arrived = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS)
                .plusMillis(ThreadLocalRandom.current().nextInt(1000, 60_000));
        jdbc.update("INSERT INTO stops (tenant_id, device_id, arrived_at, departed_at, lat, lon, engine_seconds, resume)"
                        + " VALUES ('00000000-0000-0000-0000-000000000001', ?, ?, ?, ?, ?, 0, '{}')", device,
                Timestamp.from(arrived), Timestamp.from(arrived.plusSeconds(600)), lat, lon);
        return arrived;
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.now();

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
