package io.fleetmesh.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Dashboard page times with a big fleet: 10,000 devices and 1,000,000 readings (one truck with a reading every 5 s
 * on three channels for 23 hours, the rest spread over the others), everything real on loopback. A logged-in
 * session (form login) requests each page and each API call its script makes; the time is the whole response as
 * the browser's side of loopback sees it. Then the overview in Chromium, the time until its map holds every marker.
 * Usage: {@code bin/bench pages [--devices 10000] [--readings 1000000] [--requests 300] [--marker-requests 30]
 * [--runs 3] [--renders 5]}; prints p50/p95/p99 of each run, the median p95 of the runs and each render's time.
 */
public final class PageBenchmark {

    private PageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int devices = arguments.integer("--devices", 10_000);
        int readings = arguments.integer("--readings", 1_000_000);
        int requests = arguments.integer("--requests", 300);
        int runs = arguments.integer("--runs", 3);
        int markerRequests = arguments.integer("--marker-requests", 30);
        int renders = arguments.integer("--renders", 5);
        System.out.println(Machine.describe());
        try (BenchPlatform platform = new BenchPlatform()) {
            long started = System.nanoTime();
            PageSeed.seed(platform.jdbc, devices, readings);
            System.out.printf("seeded %,d devices and %,d readings in %.1f s%n", devices,
                    platform.jdbc.queryForObject("SELECT count(*) FROM telemetry", Long.class), (System.nanoTime() - started) / 1e9);
            Session session = Session.logIn("http://127.0.0.1:" + ((WebServerApplicationContext) platform.api).getWebServer().getPort());
            Map<String, List<Double>> p95s = new LinkedHashMap<>();
            for (int run = 1; run <= runs; run++) {
                for (Map.Entry<String, String> page : pages(devices).entrySet()) {
                    // every located device in one answer: fewer requests, or the run takes as long as all the rest
                    double[] times = session.time(page.getValue(), page.getKey().startsWith("map") ? markerRequests : requests);
                    p95s.computeIfAbsent(page.getKey(), key -> new ArrayList<>()).add(times[1]);
                    System.out.printf("run %d  %-34s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n", run, page.getKey(),
                            times[0], times[1], times[2]);
                }
            }
            System.out.println("median p95 of " + runs + " runs (target: devices and device pages <= 100 ms):");
            p95s.forEach((page, values) -> System.out.printf("  %-34s %6.1f ms%n", page, Stats.median(values)));
            long located = platform.jdbc.queryForObject("SELECT count(*) FROM device_state WHERE last_values ? 'gps'", Long.class);
            List<Double> drawn = OverviewRender.times(session.base(), renders, located);
            System.out.printf("overview in Chromium, %,d markers drawn after (ms from navigation start): %s; median %.0f ms"
                    + " (target <= 1,000 ms with 10,000)%n", located, drawn.stream().map(t -> String.format("%.0f", t)).toList(),
                    Stats.median(drawn));
        }
        System.exit(0);
    }

    /** Each page, and the API calls of the device page's script, by name. */
    private static Map<String, String> pages(int devices) {
        String detailed = "/api/v1/devices/" + PageSeed.DETAILED;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("devices page", "/devices");
        pages.put("devices page, search", "/devices?q=Truck+77");
        pages.put("devices page, online", "/devices?status=online");
        pages.put("devices page, offline", "/devices?status=offline");
        pages.put("devices page, by last seen", "/devices?sort=last-seen");
        pages.put("devices page, tag and status", "/devices?tag=region-3&status=online");
        // the keyset cursor of the page after the device at nine tenths, as the page's "Next page" link carries it
        pages.put("devices page, deep cursor", "/devices?cursor=id." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(PageSeed.id(devices * 9 / 10).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        pages.put("fleet list (api)", "/api/v1/fleet?limit=50&status=online");
        pages.put("device page", "/devices/" + PageSeed.DETAILED);
        pages.put("overview page", "/");
        pages.put("map markers (api)", "/api/v1/positions");
        pages.put("device chart, last hour (api)", detailed + "/telemetry/series?channel=reefer");
        pages.put("device chart, last day (api)", detailed + "/telemetry/series?channel=reefer&from="
                + java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        pages.put("device track, last hour (api)", detailed + "/telemetry?channel=gps&order=asc&limit=10000&from="
                + java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        return pages;
    }

    /** A browser's session: a cookie jar, logged in once through the login form with its CSRF token. */
    record Session(HttpClient http, String base) {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        static Session logIn(String base) throws Exception {
            Session session = new Session(HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build(), base);
            Matcher token = CSRF.matcher(session.get("/login").body());
            token.find();
            HttpRequest login = HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + BenchPlatform.ADMIN_PASSWORD
                            + "&_csrf=" + token.group(1))).build();
            HttpResponse<String> answer = session.http.send(login, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login failed: " + answer.statusCode());
            }
            return session;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** p50, p95, p99 in ms after a warm-up; every answer must be a 200. */
        double[] time(String path, int requests) throws Exception {
            for (int i = 0; i < requests / 5; i++) {
                get(path);
            }
            double[] millis = new double[requests];
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = get(path);
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + answer.statusCode());
                }
            }
            java.util.Arrays.sort(millis);
            return new double[] {millis[requests / 2], millis[(int) (requests * 0.95)], millis[(int) (requests * 0.99)]};
        }
    }
}
