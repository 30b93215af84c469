package io.fleetmesh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports over a month of a big fleet: trucks with eight trips and eight stops a day for 30 days, written straight
 * into PostgreSQL as trip detection stores them; then the fleet's summary as JSON (timed per request) and the
 * trips as XLSX (the whole download timed, and the heap that survives garbage collection watched meanwhile).
 */
final class ReportRuns {

    private final JdbcTemplate jdbc;
    private final PageBenchmark.Session session;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);

    ReportRuns(JdbcTemplate jdbc, PageBenchmark.Session session) {
        this.jdbc = jdbc;
        this.session = session;
    }

    /** Eight trips a day from 06:00 each 1 h 30 min, 45 min and 12 km each, a stop after each; days before now's hour. */
    void seed(int trucks, int days) {
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind, tags) SELECT " + TripDetectionRun.TENANT
                + ", 'fleet-' || lpad(i::text, 5, '0'), 'Truck ' || i, 'reefer-truck', ARRAY['region-' || (i % 10)]"
                + " FROM generate_series(1, ?) i", trucks);
        String trips = " FROM devices d, generate_series(1, ?) day, generate_series(0, 7) n WHERE d.id LIKE 'fleet-%'";
        jdbc.update("INSERT INTO trips (tenant_id, device_id, started_at, ended_at, start_lat, start_lon, end_lat, end_lon,"
                + " distance_m, max_speed_kmh, engine_seconds, odometer_start_m, odometer_end_m) SELECT d.tenant_id, d.id,"
                + " t, t + interval '45 minutes', 52.5, 13.4, 52.6, 13.4, 12000, 80, 2700, (day * 8 + n) * 12000.0,"
                + " (day * 8 + n + 1) * 12000.0 FROM (SELECT d.*, day, n, ?::timestamptz - day * interval '1 day'"
                + " + interval '6 hours' + n * interval '90 minutes' AS t" + trips + ") d", java.sql.Timestamp.from(now), days);
        jdbc.update("INSERT INTO stops (tenant_id, device_id, arrived_at, departed_at, lat, lon, engine_seconds, resume)"
                + " SELECT tenant_id, device_id, ended_at, ended_at + interval '45 minutes', end_lat, end_lon, 0, '{}'"
                + " FROM trips WHERE device_id LIKE 'fleet-%'");
        jdbc.execute("ANALYZE trips");
        jdbc.execute("ANALYZE stops");
    }

    long rows(int days) {
        return jdbc.queryForObject("SELECT count(*) FROM trips WHERE device_id LIKE 'fleet-%' AND started_at >= ?",
                Long.class, java.sql.Timestamp.from(now.minus(days, ChronoUnit.DAYS)));
    }

    /** The fleet's summary over the days: p50, p95 and p99 of the requests in ms, each answer read whole. */
    double[] summary(int days, int requests) throws Exception {
        String path = "/api/v1/reports/summary?zone=Europe/Berlin&from=" + now.minus(days, ChronoUnit.DAYS) + "&to=" + now;
        return session.time(path, requests);
    }

    /** The trips of the days as a workbook: seconds for the whole download, bytes, and the most heap kept after GCs. */
    Download xlsx(int days) throws Exception {
        String path = "/api/v1/reports/trips?format=xlsx&zone=Europe/Berlin&from=" + now.minus(days, ChronoUnit.DAYS)
                + "&to=" + now;
        System.gc();
        long before = LiveHeap.now();
        try (LiveHeap watch = LiveHeap.watch()) {
            long started = System.nanoTime();
            long bytes = download(path);
            return new Download((System.nanoTime() - started) / 1e9, bytes, before, watch.most());
        }
    }

    private long download(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = session.http().send(HttpRequest.newBuilder(URI.create(session.base() + path))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        try (InputStream body = answer.body()) {
            return body.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    record Download(double seconds, long bytes, long heapBefore, long heapMost) {
    }

    /** The heap in use after the latest collection of each pool (what survived: live data, not garbage). */
    static final class LiveHeap implements AutoCloseable {

        private final AtomicLong most = new AtomicLong();
        private final Thread watcher;
        private volatile boolean watching = true;

        private LiveHeap() {
            watcher = new Thread(() -> {
                while (watching) {
                    most.accumulateAndGet(now(), Math::max);
                    pause();
                }
            }, "live-heap");
            watcher.setDaemon(true);
            watcher.start();
        }

        static LiveHeap watch() {
            return new LiveHeap();
        }

        static long now() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
            return pools.stream().filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                    .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
        }

        /** The pools' collection usage changes only when a collection ran: a look every 20 ms sees each. */
        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long most() {
            return most.get();
        }

        @Override
        public void close() throws InterruptedException {
            watching = false;
            watcher.join();
        }
    }

    static String megabytes(long bytes) {
        return String.format("%.0f MB", bytes / 1024.0 / 1024.0);
    }
}
