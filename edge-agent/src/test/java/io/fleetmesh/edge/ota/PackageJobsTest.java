package io.fleetmesh.edge.ota;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.protocol.PackageOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs on the truck's disk: one per rollout, kept across restarts, and one unreadable file stops no other. */
class PackageJobsTest {

    @Test
    void aJobIsFiledOncePerRolloutAndAnUnreadableOneIsLeftAside(@TempDir Path dir) throws Exception {
        PackageJobs jobs = new PackageJobs(dir);
        PackageOrder order = order("0b4c9d4e-8f1a-4a53-9d7e-3f1c2b6a5e10");
        assertThat(jobs.create(order)).isTrue();
        assertThat(jobs.create(order)).as("the same rollout again").isFalse();
        PackageOrder broken = order("1c5d0e5f-9a2b-4b64-8e8f-4a2d3c7b6f21");
        jobs.create(broken);
        Files.writeString(jobs.dir(broken.rollout()).resolve("job.json"), "{\"phase\": ");

        List<PackageJob> unfinished = new PackageJobs(dir).unfinished();
        assertThat(unfinished).extracting(PackageJob::rollout).containsExactly(order.rollout());
        jobs.save(unfinished.get(0).finished("failed", "bad signature").at(PackageJob.Phase.DONE));
        assertThat(jobs.unfinished()).isEmpty();
    }

    private static PackageOrder order(String rollout) {
        return new PackageOrder(rollout, "route-maps", "1.0", "file", "ota-truck-1", "NUID", 100, 1, 7,
                "SHA-256=" + "A".repeat(43) + "=", null, List.of("gps.speed <= 0"), Instant.parse("2027-01-01T00:00:00Z"));
    }
}
