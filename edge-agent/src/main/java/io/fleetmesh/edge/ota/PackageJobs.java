package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.PackageOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The truck's package jobs, one directory per rollout under {@code ota.dir}: {@code job.json} (written whole, see
 * {@link DurableFiles}), the spooled chunks and the joined package.
 */
final class PackageJobs {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Logger log = Logger.getLogger(PackageJobs.class.getName());
    private final Path root;
    private final Set<Path> leftAside = new HashSet<>();

    PackageJobs(Path root) {
        this.root = root;
    }

    /** False if the truck has a job for that rollout already (a second order of it changes nothing). */
    synchronized boolean create(PackageOrder order) throws IOException {
        if (Files.exists(file(order.rollout()))) {
            return false;
        }
        Files.createDirectories(dir(order.rollout()));
        save(PackageJob.accepted(order));
        return true;
    }

    synchronized void save(PackageJob job) throws IOException {
        ObjectNode node = json.createObjectNode().put("phase", job.phase().name()).put("outcome", job.outcome())
                .put("reason", job.reason());
        node.set("order", json.valueToTree(job.order().params()));
        DurableFiles.write(file(job.rollout()), json.writeValueAsBytes(node));
    }

    /** The jobs not DONE (the cloud releases one package at a time to a truck, so mostly one). */
    synchronized List<PackageJob> unfinished() throws IOException {
        List<PackageJob> jobs = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return jobs;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> Files.exists(d.resolve("job.json")))
                    .sorted().toList()) {
                readable(dir.resolve("job.json")).filter(job -> job.phase() != PackageJob.Phase.DONE)
                        .ifPresent(jobs::add);
            }
        }
        return jobs;
    }

    Path dir(String rollout) {
        return root.resolve(rollout);
    }

    ChunkSpool spool(String rollout) {
        return new ChunkSpool(dir(rollout).resolve("chunks"));
    }

    Path joined(String rollout) {
        return dir(rollout).resolve("package.bin");
    }

    private Path file(String rollout) {
        return dir(rollout).resolve("job.json");
    }

    /** A job file that cannot be read (edited by hand, a disk fault) is left aside, never stops the others. */
    private Optional<PackageJob> readable(Path file) {
        try {
            return Optional.of(read(file));
        } catch (IOException | RuntimeException e) {
            if (leftAside.add(file)) {
                log.warning("package job " + file + " is unreadable, left aside: " + e);
            }
            return Optional.empty();
        }
    }

    private static PackageJob read(Path file) throws IOException {
        JsonNode node = json.readTree(Files.readAllBytes(file));
        return new PackageJob(PackageOrder.parse(node.get("order")), PackageJob.Phase.valueOf(node.get("phase").asString()),
                textOrNull(node, "outcome"), textOrNull(node, "reason"));
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.path(field).isString() ? node.get(field).asString() : null;
    }
}
