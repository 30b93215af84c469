package io.fleetmesh.edge;

import io.fleetmesh.edge.alerts.Alerts;
import io.fleetmesh.edge.commands.BuiltInHandlers;
import io.fleetmesh.edge.commands.CommandExecutor;
import io.fleetmesh.edge.commands.CommandHandler;
import io.fleetmesh.edge.commands.CommandInbox;
import io.fleetmesh.edge.commands.CommandReceiver;
import io.fleetmesh.edge.config.AgentConfig;
import io.fleetmesh.edge.leaf.DiskBudget;
import io.fleetmesh.edge.leaf.LeafMappings;
import io.fleetmesh.edge.leaf.LeafServer;
import io.fleetmesh.edge.mqtt.MqttBridge;
import io.fleetmesh.edge.ota.PackageInstaller;
import io.fleetmesh.edge.rollout.AppliedConfig;
import io.fleetmesh.edge.rollout.SamplingService;
import io.fleetmesh.edge.rules.LatestReadings;
import io.fleetmesh.edge.rules.LocalRules;
import io.fleetmesh.edge.rules.Rule;
import io.fleetmesh.edge.rules.RuleEngine;
import io.fleetmesh.edge.rules.Rules;
import io.fleetmesh.edge.status.AgentEndpoints;
import io.fleetmesh.edge.status.StatusHeartbeat;
import io.fleetmesh.edge.sync.Forwarder;
import io.fleetmesh.edge.sync.Outbox;
import io.fleetmesh.edge.sync.Overflow;
import io.fleetmesh.edge.sync.SyncState;
import io.fleetmesh.protocol.PackageOrder;
import io.fleetmesh.protocol.PackageRollback;
import io.fleetmesh.protocol.Subjects;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The edge agent: starts and supervises the truck's leaf nats-server, keeps the outbox, syncs it to the hub,
 * evaluates local rules, runs the commands it receives and sends the status heartbeat. Usage: {@code java -jar edge-agent.jar [agent.properties]}.
 */
public final class EdgeAgent implements AutoCloseable {

    private static final Logger log = Logger.getLogger(EdgeAgent.class.getName());

    private final AgentConfig config;
    private final List<Rule> rules;
    private final SyncState sync = new SyncState();
    private final AtomicBoolean closed = new AtomicBoolean();
    private LeafServer leaf;
    private LeafMappings mappings;
    private DiskBudget disk;
    private Connection local;
    private Connection hub;
    private Forwarder forwarder;
    private LocalRules localRules;
    private StatusHeartbeat heartbeat;
    private MqttBridge bridge;
    private CommandExecutor executor;
    private CommandReceiver receiver;
    private SamplingService sampling;
    private AgentEndpoints endpoints;
    private PackageInstaller packages;
    private Runnable restart = () -> log.warning("this embedded agent cannot restart itself");
    private final Map<String, CommandHandler> handlers = new LinkedHashMap<>();

    EdgeAgent(AgentConfig config, List<Rule> rules) {
        this.config = config;
        this.rules = rules;
    }

    /** An agent whose rules are {@code rule.<id>} entries, as in the properties file. */
    public static EdgeAgent create(AgentConfig config, Properties ruleDefinitions) {
        return new EdgeAgent(config, Rules.from(ruleDefinitions));
    }

    /** What {@code restart-agent} does for an agent embedded in another program (tests, the quick start). */
    public EdgeAgent withRestart(Runnable restart) {
        this.restart = restart;
        return withHandler(BuiltInHandlers.restartAgent(restart));
    }

    /** Adds (or replaces) the handler of a command type; before {@link #start()}. */
    public EdgeAgent withHandler(CommandHandler handler) {
        handlers.put(handler.type(), handler);
        return this;
    }

    public static void main(String[] args) throws Exception {
        JsonLogFormatter.install(System.getenv().getOrDefault("FLEETMESH_AGENT_LOG_FORMAT", "json"));
        Path file = Path.of(args.length > 0 ? args[0] : "/etc/fleetmesh/agent.properties");
        AgentConfig config = AgentConfig.load(file, System.getenv());
        EdgeAgent agent = new EdgeAgent(config, Rules.load(file));
        // restart-agent: exit; systemd (Restart=always) starts the agent again, and the shutdown hook closes it first
        agent.withRestart(() -> System.exit(0));
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "agent-shutdown"));
        agent.start();
        log.info("fleetmesh edge agent " + StatusHeartbeat.VERSION + " running for " + config.deviceId());
    }

    public void start() throws Exception {
        disk = DiskBudget.measure(config.dataDir(), config.outboxMaxBytes());
        log.info("disk: leaf store %,d bytes, outbox %,d bytes (configured %,d)".formatted(disk.storeBytes(),
                disk.outboxBytes(), config.outboxMaxBytes()));
        mappings = LeafMappings.in(config.dataDir());
        leaf = new LeafServer(config, disk, mappings);
        leaf.start();
        local = connect(List.of(config.localUrl()), null, "agent-local");
        if (config.forward()) {
            hub = connect(config.hubUrls(), config.credentials(), "agent-sync-" + config.deviceId());
        }
        long epoch = awaitOutbox();
        CommandInbox.ensure(local);
        Alerts alerts = new Alerts(local, config.deviceId());
        Overflow overflow = new Overflow(local, alerts, sync);
        LatestReadings latest = new LatestReadings();
        AppliedConfig applied = AppliedConfig.in(config.dataDir());
        RuleEngine engine = new RuleEngine(applied.rules().orElse(rules));
        localRules = new LocalRules(local, config.deviceId(), engine, alerts, latest);
        localRules.start();
        startCommands(latest, engine, applied, alerts);
        sampling = new SamplingService(local, applied);
        sampling.start();
        if (config.forward()) {
            forwarder = new Forwarder(local, hub, config.deviceId(), sync, overflow);
            forwarder.start(epoch);
            heartbeat = new StatusHeartbeat(local, config.deviceId(), sync, overflow, applied, mappings);
            heartbeat.start(config.heartbeatInterval());
        }
        if (config.bridgeBroker() != null) {
            bridge = new MqttBridge(config.bridgeBroker(), config.deviceId(), local);
            bridge.start();
        }
        if (config.http() != null) {
            endpoints = AgentEndpoints.start(config.http(), local, hub, sync, this::backlog);
        }
        packages.start(); // last: an agent update counts as up once everything else is
    }

    /** -1 while the leaf's JetStream cannot say (it is restarting). */
    private long backlog() {
        try {
            return StatusHeartbeat.backlog(local.jetStreamManagement().getConsumerInfo(Outbox.STREAM, Forwarder.CONSUMER));
        } catch (Exception unknown) {
            return -1;
        }
    }

    /** The port of the health and metrics endpoint, 0 if there is none. */
    public int httpPort() {
        return endpoints == null ? 0 : endpoints.port();
    }

    /** The executor runs what is in the leaf's inbox, hub or no hub; commands arrive while the hub is reachable. */
    private void startCommands(LatestReadings latest, RuleEngine engine, AppliedConfig applied, Alerts alerts)
            throws Exception {
        Map<String, CommandHandler> all = new LinkedHashMap<>();
        BuiltInHandlers.all(local, engine, applied, alerts, leaf, mappings).forEach(handler -> all.put(handler.type(), handler));
        packages = new PackageInstaller(local, hub, config.deviceId(), latest, config.ota(),
                () -> disk.unclaimed(config.dataDir()), restart);
        all.put(PackageOrder.COMMAND, packages.handler());
        all.put(PackageRollback.COMMAND, packages.rollbackHandler());
        all.putAll(handlers);
        executor = new CommandExecutor(local, config.deviceId(), latest, all);
        executor.start();
        if (config.forward()) {
            receiver = new CommandReceiver(hub, local, config.deviceId(), executor);
            receiver.start();
        }
    }

    /** The leaf's JetStream takes a moment after its port opens. */
    private long awaitOutbox() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return Outbox.ensure(local, config, disk);
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private Connection connect(List<String> urls, Path credentials, String name) throws Exception {
        Options.Builder options = Options.builder().servers(urls.toArray(String[]::new)).connectionName(name)
                // The device's credentials allow replies only to its own inboxes (PubAcks from the hub included).
                .inboxPrefix(Subjects.inboxPrefix(config.deviceId()))
                .maxReconnects(-1).reconnectWait(Duration.ofMillis(500))
                .connectionListener(changesOnly(name))
                .errorListener(new QuietErrorListener(name));
        if (credentials != null) {
            options.authHandler(Nats.credentials(credentials.toString()));
        }
        return Nats.connectReconnectOnConnect(options.build());
    }

    public String deviceId() {
        return config.deviceId();
    }

    /** Where apps on the truck connect to its leaf server. */
    public String localUrl() {
        return config.localUrl();
    }

    /** Where legacy sensors publish MQTT 3.1.1 on the truck. */
    public int mqttPort() {
        return config.mqttPort();
    }

    /** Logs connection state changes, not every failed reconnect attempt of a truck out of coverage. */
    private static ConnectionListener changesOnly(String name) {
        AtomicReference<ConnectionListener.Events> last = new AtomicReference<>();
        return (connection, event) -> {
            if (last.getAndSet(event) != event) {
                log.info(name + ": " + event.getEvent());
            }
        };
    }

    /** The leaf server's current process id (chaos tests kill it). */
    public long leafPid() {
        return leaf.pid();
    }

    /** Stops everything, the leaf server last; a second call does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            if (endpoints != null) {
                endpoints.close();
            }
            if (receiver != null) {
                receiver.close();
            }
            if (sampling != null) {
                sampling.close();
            }
            if (executor != null) {
                executor.close();
            }
            if (packages != null) {
                packages.close();
            }
            if (bridge != null) {
                bridge.close();
            }
            if (heartbeat != null) {
                heartbeat.close();
            }
            if (localRules != null) {
                localRules.close();
            }
            if (forwarder != null) {
                forwarder.close();
            }
            closeQuietly(hub);
            closeQuietly(local);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (leaf != null) {
                leaf.close();
            }
        }
    }

    private static void closeQuietly(Connection connection) throws InterruptedException {
        if (connection != null) {
            connection.close();
        }
    }
}
