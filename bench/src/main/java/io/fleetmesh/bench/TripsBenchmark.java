package io.fleetmesh.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Trips and reports with everything real (PostgreSQL, fleet-api with its trip follower): detection throughput over
 * stored readings, the fleet's summary over 30 days, and XLSX exports of about 100,000 and 200,000 trips.
 * Usage: {@code bin/bench trips [--trucks 100] [--readings 1000000] [--fleet 1000] [--days 30] [--requests 50]
 * [--runs 3]}; prints each run and the medians.
 */
public final class TripsBenchmark {

    private TripsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        int runs = arguments.integer("--runs", 3);
        System.out.println(Machine.describe());
        try (BenchPlatform platform = new BenchPlatform()) {
            detection(platform, arguments.integer("--trucks", 100), arguments.integer("--readings", 1_000_000), runs);
            reports(platform, arguments.integer("--fleet", 1_000), arguments.integer("--days", 30),
                    arguments.integer("--requests", 50), runs);
        }
        System.exit(0);
    }

    private static void detection(BenchPlatform platform, int trucks, int readings, int runs) {
        TripDetectionRun run = new TripDetectionRun(platform.jdbc, trucks, readings);
        long started = System.nanoTime();
        run.seed();
        System.out.printf("seeded %,d gps readings of %d trucks in %.1f s%n", run.readings(), trucks,
                (System.nanoTime() - started) / 1e9);
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            double seconds = i == 1 ? run.detectNew() : run.detectAgain();
            rates.add(run.readings() / seconds);
            System.out.printf("detection run %d (%s): %.1f s, %,.0f readings/s, %,d trips (expected %,d)%n", i,
                    i == 1 ? "new readings" : "recompute", seconds, run.readings() / seconds, run.trips(), run.expectedTrips());
        }
        System.out.printf("trip detection, median of %d runs: %,.0f readings/s%n", runs, Stats.median(rates));
    }

    private static void reports(BenchPlatform platform, int fleet, int days, int requests, int runs) throws Exception {
        PageBenchmark.Session session = PageBenchmark.Session.logIn("http://127.0.0.1:"
                + ((WebServerApplicationContext) platform.api).getWebServer().getPort());
        ReportRuns reports = new ReportRuns(platform.jdbc, session);
        long started = System.nanoTime();
        reports.seed(fleet, days);
        System.out.printf("seeded %,d trips and as many stops (%,d trucks x %d days) in %.1f s%n", reports.rows(days),
                fleet, days, (System.nanoTime() - started) / 1e9);
        List<Double> p95s = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            double[] times = reports.summary(days, requests);
            p95s.add(times[1]);
            System.out.printf("summary run %d, the fleet over %d days: p50 %.0f ms  p95 %.0f ms  p99 %.0f ms%n", i, days,
                    times[0], times[1], times[2]);
        }
        System.out.printf("summary, median p95 of %d runs: %.0f ms (target <= 2,000 ms)%n", runs, Stats.median(p95s));
        exports(reports, days, runs);
    }

    /** About 100,000 rows, then twice as many: the time doubles, the heap kept after collections should not. */
    private static void exports(ReportRuns reports, int days, int runs) throws Exception {
        for (int span : new int[] {Math.max(1, days * 5 / 12), Math.max(1, days * 5 / 6)}) {
            List<Double> seconds = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                ReportRuns.Download download = reports.xlsx(span);
                seconds.add(download.seconds());
                System.out.printf("xlsx run %d, %,d trips (%d days): %.1f s, %s, live heap %s before, at most %s during%n", i,
                        reports.rows(span), span, download.seconds(), ReportRuns.megabytes(download.bytes()),
                        ReportRuns.megabytes(download.heapBefore()), ReportRuns.megabytes(download.heapMost()));
            }
            System.out.printf("xlsx of %,d rows, median of %d runs: %.1f s (target <= 10 s for 100,000)%n", reports.rows(span),
                    runs, Stats.median(seconds));
        }
    }
}
