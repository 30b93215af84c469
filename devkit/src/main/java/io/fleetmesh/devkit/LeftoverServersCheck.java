package io.fleetmesh.devkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that leaves a {@code nats-server}, {@code postgres} or {@code mosquitto} behind, naming them,
 * and stops them so the next class starts clean. Registered by JUnit's extension auto-detection
 * ({@code junit.jupiter.extensions.autodetection.enabled=true} in a module's surefire configuration).
 * <p>
 * Ours are the servers that were not running before the class and are descendants of this JVM or, because a wrapper
 * may hand them to init (embedded PostgreSQL's {@code pg_ctl} under {@code unshare}, a leaf whose agent was killed),
 * carry this JVM's {@code FLEETMESH_TEST_MODULE} in their environment (surefire sets it to the module and the
 * build's start in ms; children inherit it).
 * Nothing else on the machine is touched: another build's servers are not ours. A fixture shared across classes on
 * purpose registers its servers with {@link #sharedAcrossClasses} and stops them itself at JVM exit.
 */
public final class LeftoverServersCheck implements BeforeAllCallback, AfterAllCallback {

    static final Set<String> SERVERS = Set.of("nats-server", "postgres", "mosquitto");
    static final String MARKER = "FLEETMESH_TEST_MODULE";
    private static final Set<Long> shared = ConcurrentHashMap.newKeySet();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeftoverServersCheck.class);

    /** A server a fixture keeps for several test classes on purpose (and stops at JVM exit): not a leftover. */
    public static void sharedAcrossClasses(ProcessHandle server) {
        shared.add(server.pid());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (isTopLevel(context)) {
            context.getStore(NAMESPACE).put("before", servers().map(ProcessHandle::pid).collect(Collectors.toSet()));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) {
        if (!isTopLevel(context)) {
            return;
        }
        Set<Long> before = context.getStore(NAMESPACE).get("before", Set.class);
        List<ProcessHandle> leftovers = servers().filter(server -> !before.contains(server.pid()))
                .filter(server -> !shared.contains(server.pid())).filter(LeftoverServersCheck::ours)
                .filter(LeftoverServersCheck::notAWorkerOfAnotherServer).toList();
        if (!leftovers.isEmpty()) {
            String named = leftovers.stream().map(LeftoverServersCheck::describe).collect(Collectors.joining("; "));
            leftovers.forEach(LeftoverServersCheck::stop);
            throw new AssertionError(context.getRequiredTestClass().getSimpleName() + " left servers running (stopped"
                    + " now): " + named);
        }
    }

    /** Nested classes share their outer class's servers: the outer class is checked. */
    private static boolean isTopLevel(ExtensionContext context) {
        return context.getParent().flatMap(ExtensionContext::getParent).isEmpty();
    }

    static Stream<ProcessHandle> servers() {
        return ProcessHandle.allProcesses().filter(process -> process.info().command()
                .map(command -> SERVERS.contains(Path.of(command).getFileName().toString())).orElse(false));
    }

    /** PostgreSQL's checkpointer and the like: they stop with their postmaster, which is the one named. */
    private static boolean notAWorkerOfAnotherServer(ProcessHandle server) {
        return server.parent().flatMap(parent -> parent.info().command())
                .map(command -> !SERVERS.contains(Path.of(command).getFileName().toString())).orElse(true);
    }

    static boolean ours(ProcessHandle server) {
        ProcessHandle self = ProcessHandle.current();
        boolean descendant = server.parent().stream().flatMap(LeftoverServersCheck::ancestry).anyMatch(self::equals);
        String marker = System.getenv(MARKER);
        return descendant || marker != null && environment(server).contains(MARKER + "=" + marker);
    }

    private static Stream<ProcessHandle> ancestry(ProcessHandle process) {
        return Stream.iterate(process, Objects::nonNull, p -> p.parent().orElse(null));
    }

    /** Its environment variables (readable for processes of the same user), empty if it cannot be read. */
    private static List<String> environment(ProcessHandle process) {
        try {
            byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
            return List.of(new String(environ, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException | SecurityException goneOrNotReadable) {
            return List.of();
        }
    }

    private static String describe(ProcessHandle server) {
        return "pid " + server.pid() + " " + server.info().commandLine().orElse("(command line unknown)");
    }

    /** Gracefully first; a server that does not stop in 10 s is killed. */
    private static void stop(ProcessHandle server) {
        server.destroy();
        server.onExit().completeOnTimeout(server, 10, TimeUnit.SECONDS).join();
        server.destroyForcibly();
    }
}
