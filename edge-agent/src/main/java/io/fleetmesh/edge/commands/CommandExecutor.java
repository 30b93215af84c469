package io.fleetmesh.edge.commands;

import io.fleetmesh.edge.rules.LatestReadings;
import io.fleetmesh.protocol.CommandMessage;
import io.fleetmesh.protocol.CommandReport;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.PublishAck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the commands in the truck's inbox, in order, each at most once (ADR 0006): a command's key in the EXECUTED
 * bucket is created before its handler runs, so neither a second delivery nor a restart in the middle runs it
 * again. Never after {@code expiresAt}; never if a precondition does not hold on the latest readings. Every step is
 * reported through the outbox before the inbox message is acknowledged.
 */
public final class CommandExecutor implements AutoCloseable {

    private static final Logger log = Logger.getLogger(CommandExecutor.class.getName());
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final byte[] STARTED = "{\"state\": \"started\"}".getBytes(StandardCharsets.UTF_8);

    private final Connection local;
    private final String deviceId;
    private final LatestReadings latest;
    private final Map<String, CommandHandler> handlers;
    private KeyValue executed;
    private volatile boolean running;
    private Thread worker;

    public CommandExecutor(Connection local, String deviceId, LatestReadings latest, Map<String, CommandHandler> handlers) {
        this.local = local;
        this.deviceId = deviceId;
        this.latest = latest;
        this.handlers = handlers;
    }

    public void start() throws Exception {
        executed = local.keyValue(CommandInbox.EXECUTED);
        CommandInbox.freshConsumer(local);
        running = true;
        worker = new Thread(this::loop, "command-executor");
        worker.start();
    }

    private void loop() {
        while (running) {
            try {
                ConsumerContext inbox = local.getConsumerContext(CommandInbox.STREAM, CommandInbox.CONSUMER);
                Message message = inbox.next(Duration.ofSeconds(1));
                if (message != null) {
                    runQueued(message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warning("command inbox interrupted, retrying: " + e);
                pause();
            }
        }
    }

    /** Acknowledged once its outcome is stored; if storing fails, it comes back in a second (and is not run again). */
    private void runQueued(Message message) throws Exception {
        try {
            run(CommandMessage.parse(message.getData())).awaitStored();
            message.ack();
        } catch (IllegalArgumentException malformed) {
            log.warning("inbox message " + message.metaData().streamSequence() + " is not a command: " + malformed.getMessage());
            message.ack();
        } catch (Exception notStored) {
            log.warning("command outcome not stored yet, again in a second: " + notStored);
            message.nakWithDelay(Duration.ofSeconds(1));
        }
    }

    /** A command's final report, and when it and the outcome are stored on the truck. */
    record Finished(CommandReport report, CompletableFuture<Void> stored) {

        void awaitStored() throws Exception {
            stored.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs the command unless it ran before; the final report either way. Claiming it is the one write that must
     * finish before the handler runs; the reports and the outcome are written together afterwards. The inbox
     * message is acknowledged only once they are stored; a synchronous answer need not wait (a crash before they
     * are leaves the claim, and the command is reported interrupted, never run again).
     */
    synchronized Finished run(CommandMessage command) throws Exception {
        try {
            executed.create(command.id(), STARTED);
        } catch (JetStreamApiException ranBefore) {
            return earlier(command, executed.get(command.id()));
        }
        CompletableFuture<PublishAck> delivered = report(CommandReport.of(command.id(), CommandReport.DELIVERED, null));
        CommandReport outcome = refusal(command).orElseGet(() -> execute(command));
        Finished finished = finish(outcome, delivered);
        if (outcome.state().equals(CommandReport.SUCCEEDED)) {
            CommandHandler handler = handlers.get(command.type());
            finished.stored().thenRun(() -> new Thread(handler::afterStored, "after-" + command.type()).start());
        }
        return finished;
    }

    /** Expired, a precondition that does not hold, or a type no handler knows: not run. */
    private Optional<CommandReport> refusal(CommandMessage command) {
        if (!Instant.now().isBefore(command.expiresAt())) {
            return Optional.of(CommandReport.of(command.id(), CommandReport.EXPIRED, "expired at " + command.expiresAt()));
        }
        if (!handlers.containsKey(command.type())) {
            return Optional.of(CommandReport.of(command.id(), CommandReport.REJECTED, "no handler for " + command.type()));
        }
        return command.preconditions().stream().map(text -> violation(text)).flatMap(Optional::stream).findFirst()
                .map(reason -> CommandReport.of(command.id(), CommandReport.REJECTED, reason));
    }

    private Optional<String> violation(String text) {
        try {
            return Precondition.parse(text).violation(latest, Instant.now());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private CommandReport execute(CommandMessage command) {
        try {
            JsonNode result = handlers.get(command.type()).run(command.params());
            return new CommandReport(command.id(), CommandReport.SUCCEEDED, Instant.now(), null, result);
        } catch (Exception e) {
            return CommandReport.of(command.id(), CommandReport.FAILED, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Claimed before: a claim without an outcome means the agent stopped while it ran. A stored outcome is reported
     * again, in case its first report was not stored (the cloud takes a repeat as no change).
     */
    private Finished earlier(CommandMessage command, KeyValueEntry entry) throws Exception {
        JsonNode stored = json.readTree(entry.getValue());
        if (!"started".equals(stored.path("state").asString())) {
            CommandReport outcome = json.treeToValue(stored, CommandReport.class);
            return new Finished(outcome, report(outcome).thenApply(ack -> null));
        }
        return finish(CommandReport.of(command.id(), CommandReport.FAILED,
                "interrupted: the agent stopped while it ran; not run again"), CompletableFuture.completedFuture(null));
    }

    /** The report into the outbox and the outcome into EXECUTED (its KV subject), both at once. */
    private Finished finish(CommandReport outcome, CompletableFuture<PublishAck> earlierReport) throws Exception {
        CompletableFuture<PublishAck> reported = report(outcome);
        CompletableFuture<PublishAck> kept = local.jetStream().publishAsync("$KV." + CommandInbox.EXECUTED + "."
                + outcome.id(), json.writeValueAsBytes(outcome));
        return new Finished(outcome, CompletableFuture.allOf(earlierReport, reported, kept));
    }

    private CompletableFuture<PublishAck> report(CommandReport report) throws Exception {
        return local.jetStream().publishAsync(Subjects.commandEvents(deviceId), report.toJson());
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(5_000);
        }
    }
}
