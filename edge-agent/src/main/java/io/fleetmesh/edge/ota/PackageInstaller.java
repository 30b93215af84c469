package io.fleetmesh.edge.ota;

import io.fleetmesh.edge.commands.CommandHandler;
import io.fleetmesh.edge.commands.Precondition;
import io.fleetmesh.edge.config.OtaSettings;
import io.fleetmesh.edge.rules.LatestReadings;
import io.fleetmesh.protocol.OtaReport;
import io.fleetmesh.protocol.PackageOrder;
import io.nats.client.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The truck's half of a rollout (ADR 0013). {@code install-package} only files the order (the command succeeds at
 * once, so a download of hours never holds up other commands); this worker then takes each job through its phases,
 * one at a time: download into the spool, join and check (size, digest, signature), wait for the preconditions,
 * install once, and report each step through the outbox. Every phase is on disk before the work it allows, so a
 * kill -9 or a power cut resumes the download, checks again, and never installs twice.
 */
public final class PackageInstaller implements AutoCloseable {

    private static final Logger log = Logger.getLogger(PackageInstaller.class.getName());
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Connection hub;
    private final LatestReadings latest;
    private final OtaSettings settings;
    private final LongSupplier leafMayClaim;
    private final OtaReports reports;
    private final PackageJobs jobs;
    private final Map<String, Installer> installers;
    private final Runnable restart;
    private final Semaphore wake = new Semaphore(0);
    private PublicKey signingKey;
    private volatile boolean running;
    private Thread worker;

    /**
     * {@code hub}: the agent's own hub connection, or null; {@code leafMayClaim}: store bytes the leaf may still take;
     * {@code restart}: how the agent restarts (an agent update, or its rollback).
     */
    public PackageInstaller(Connection local, Connection hub, String deviceId, LatestReadings latest, OtaSettings settings,
                            LongSupplier leafMayClaim, Runnable restart) {
        this.hub = hub;
        this.latest = latest;
        this.settings = settings;
        this.leafMayClaim = leafMayClaim;
        this.reports = new OtaReports(local, deviceId);
        this.jobs = new PackageJobs(settings.dir());
        this.installers = Map.of("file", new FileInstaller(settings.filesDir()),
                "firmware", new FirmwareInstaller(local, settings.firmwareTimeout()),
                "agent", new AgentJarInstaller(settings.agentJar(), restart));
        this.restart = restart;
    }

    /** {@code install-package}: files the order (a repeat of it changes nothing) and wakes the worker. */
    public CommandHandler handler() {
        return new CommandHandler() {
            @Override
            public String type() {
                return PackageOrder.COMMAND;
            }

            @Override
            public JsonNode run(JsonNode params) throws Exception {
                PackageOrder order = parsed(params);
                boolean accepted = jobs.create(order);
                wake.release();
                return json.createObjectNode().put("rollout", order.rollout()).put("accepted", accepted);
            }
        };
    }

    /** {@code rollback-package}: an aborted rollout takes its package back off this truck. */
    public CommandHandler rollbackHandler() {
        return new PackageRollbacks(installers, reports, restart);
    }

    /** A malformed order of a rollout is reported FAILED to it, so the rollout does not wait for it in vain. */
    private PackageOrder parsed(JsonNode params) throws Exception {
        try {
            return PackageOrder.parse(params);
        } catch (IllegalArgumentException malformed) {
            String rollout = PackageOrder.rolloutOf(params);
            if (rollout != null) {
                reports.send(rollout, OtaReport.FAILED, null, malformed.getMessage());
            }
            throw malformed;
        }
    }

    public void start() throws Exception {
        signingKey = settings.signingKey() == null ? null : PackageCheck.signingKey(settings.signingKey());
        running = true;
        worker = new Thread(this::loop, "package-installer");
        worker.start();
    }

    private void loop() {
        while (running) {
            try {
                for (PackageJob job : jobs.unfinished()) {
                    advance(job);
                }
                wake.tryAcquire(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warning("package job interrupted, again in a few seconds: " + e);
                pause();
            }
        }
    }

    /** As far as it can go now: a job waiting for its preconditions, the link or the deadline stays where it is. */
    private void advance(PackageJob job) throws Exception {
        PackageJob at = job;
        while (running && at.phase() != PackageJob.Phase.DONE) {
            PackageJob next = step(at);
            if (next == at) {
                return;
            }
            at = next;
        }
    }

    private PackageJob step(PackageJob job) throws Exception {
        return switch (job.phase()) {
            case DOWNLOADING -> download(job);
            case VERIFIED -> installWhenAllowed(job);
            case INSTALLING -> afterRestart(job);
            case FINISHED -> reported(job);
            case DONE -> job;
        };
    }

    private PackageJob download(PackageJob job) throws Exception {
        PackageOrder order = job.order();
        ChunkSpool spool = jobs.spool(order.rollout());
        Optional<String> refusal = hub == null ? Optional.of("this agent does not sync with the hub (sync=none)")
                : spool.count() == 0 ? PackageCheck.noRoom(order, usable(), leafMayClaim.getAsLong(), settings.maxBytes())
                : Optional.empty();
        if (refusal.isPresent()) {
            return finish(job, OtaReport.FAILED, refusal.get());
        }
        reports.send(order.rollout(), OtaReport.DOWNLOADING, spool.bytes(), null);
        Progress progress = new Progress(reports, order.rollout());
        return switch (new ChunkDownload(hub, spool, order, settings.silence()).run(() -> running, progress::held)) {
            case WHOLE -> verify(job, spool);
            case STOPPED -> job;
            case PAST_DEADLINE -> finish(job, OtaReport.FAILED, "the rollout's deadline passed during the download");
            case SILENT -> finish(job, OtaReport.FAILED, "no chunk from the hub for " + settings.silence()
                    + " while connected: the release was withdrawn (its rollout ended)");
        };
    }

    /** Joined and checked; the chunks go once VERIFIED is on disk (a crash before that joins them again). */
    private PackageJob verify(PackageJob job, ChunkSpool spool) throws Exception {
        Path joined = jobs.joined(job.rollout());
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        long size = spool.join(joined, sha256);
        Optional<String> refusal = PackageCheck.refusal(job.order(), size, sha256.digest(), signingKey);
        if (refusal.isPresent()) {
            Files.deleteIfExists(joined);
            spool.clear();
            return finish(job, OtaReport.FAILED, refusal.get());
        }
        PackageJob verified = job.at(PackageJob.Phase.VERIFIED);
        jobs.save(verified);
        spool.clear();
        reports.send(job.rollout(), OtaReport.VERIFIED, size, null);
        return verified;
    }

    /** Once every precondition holds; never after the rollout's deadline. */
    private PackageJob installWhenAllowed(PackageJob job) throws Exception {
        Optional<String> waiting = job.order().installWhen().stream()
                .map(text -> Precondition.parse(text).violation(latest, Instant.now())).flatMap(Optional::stream).findFirst();
        if (!Instant.now().isBefore(job.order().installBy())) {
            return finish(job, OtaReport.FAILED, "the rollout's deadline passed before install"
                    + waiting.map(why -> " (" + why + ")").orElse(""));
        }
        if (waiting.isPresent()) {
            return job;
        }
        PackageJob claimed = job.at(PackageJob.Phase.INSTALLING);
        jobs.save(claimed);
        reports.send(job.rollout(), OtaReport.INSTALLING, job.order().sizeBytes(), null);
        try {
            if (!installers.get(job.order().kind()).install(job.order(), jobs.joined(job.rollout()))) {
                running = false; // the agent restarts into the new version, which finishes the job
                return claimed;
            }
        } catch (Exception e) {
            return finish(claimed, OtaReport.FAILED, "install failed: " + e.getMessage());
        }
        return finish(claimed, OtaReport.SUCCEEDED, null);
    }

    /** INSTALLING found at start: the install ran when the agent stopped, or restarted it. Never run again. */
    private PackageJob afterRestart(PackageJob job) throws Exception {
        Installer.Ended ended = installers.get(job.order().kind()).afterRestart(job.order());
        return finish(job, ended.state(), ended.reason());
    }

    private PackageJob finish(PackageJob job, String state, String reason) throws Exception {
        PackageJob finished = job.finished(state, reason);
        jobs.save(finished);
        if (!state.equals(OtaReport.SUCCEEDED)) {
            log.warning("package %s@%s of rollout %s %s: %s".formatted(job.order().name(), job.order().version(),
                    job.rollout(), state, reason));
        }
        return reported(finished);
    }

    private PackageJob reported(PackageJob finished) throws Exception {
        reports.send(finished.rollout(), finished.outcome(), null, finished.reason());
        Files.deleteIfExists(jobs.joined(finished.rollout()));
        PackageJob done = finished.at(PackageJob.Phase.DONE);
        jobs.save(done);
        return done;
    }

    private long usable() throws Exception {
        Files.createDirectories(settings.dir());
        return Files.getFileStore(settings.dir()).getUsableSpace();
    }

    private static void pause() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null) {
            worker.join(10_000);
        }
    }
}
