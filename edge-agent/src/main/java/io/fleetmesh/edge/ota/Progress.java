package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.OtaReport;
import java.time.Duration;
import java.util.logging.Logger;

/** DOWNLOADING with the bytes held, every few seconds while chunks arrive (not one report per chunk). */
final class Progress {

    private static final Logger log = Logger.getLogger(Progress.class.getName());
    private static final Duration EVERY = Duration.ofSeconds(3);

    private final OtaReports reports;
    private final String rollout;
    private long reportedAt = System.nanoTime();

    Progress(OtaReports reports, String rollout) {
        this.reports = reports;
        this.rollout = rollout;
    }

    void held(long bytes) {
        if (System.nanoTime() - reportedAt < EVERY.toNanos()) {
            return;
        }
        reportedAt = System.nanoTime();
        try {
            reports.send(rollout, OtaReport.DOWNLOADING, bytes, null);
        } catch (Exception e) {
            log.fine("progress of rollout " + rollout + " not reported: " + e); // the next one will be
        }
    }
}
