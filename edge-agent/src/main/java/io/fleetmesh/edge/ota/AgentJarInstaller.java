package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.OtaReport;
import io.fleetmesh.protocol.PackageOrder;
import io.fleetmesh.protocol.PackageRollback;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;

/**
 * {@code agent} packages replace the agent's own jar, and the agent restarts into it through systemd. Before the
 * swap, the jar that runs is kept as {@code <jar>.previous} and {@code <jar>.update} names the rollout. The unit's
 * {@code ExecStartPre} guard ({@code fleetmesh-agent-guard}) counts the starts while that file is there: a new agent
 * that does not come up within its tries (it exits, or fails to start) is replaced by the previous jar, and the
 * guard renames the file {@code <jar>.rolled-back}. The agent that then starts reports SUCCEEDED if it is the new
 * jar, ROLLED_BACK if the guard put the old one back.
 */
final class AgentJarInstaller implements Installer {

    private final Path jar;
    private final Runnable restart;

    /** {@code jar}: where systemd runs the agent from, or null (this agent cannot be updated so). */
    AgentJarInstaller(Path jar, Runnable restart) {
        this.jar = jar;
        this.restart = restart;
    }

    @Override
    public boolean install(PackageOrder order, Path verified) throws IOException {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("this agent cannot replace its jar: ota.agent-jar is not set to the jar it runs");
        }
        Path previous = sibling(".previous");
        Files.copy(jar, sibling(".previous.part"), StandardCopyOption.REPLACE_EXISTING);
        DurableFiles.moveInto(sibling(".previous.part"), previous);
        Files.deleteIfExists(sibling(".rolled-back"));
        Files.deleteIfExists(sibling(".starts"));
        DurableFiles.write(sibling(".update"), order.rollout().getBytes(StandardCharsets.UTF_8));
        DurableFiles.moveInto(verified, jar);
        new Thread(restart, "agent-update-restart").start(); // not this worker: closing the agent waits for it
        return false;
    }

    @Override
    public Ended afterRestart(PackageOrder order) throws Exception {
        if (jar != null && marks(".rolled-back", order)) {
            Files.delete(sibling(".rolled-back"));
            return new Ended(OtaReport.ROLLED_BACK, "the new agent did not come up; the guard put the previous jar back");
        }
        if (jar == null || !marks(".update", order)) {
            return Ended.interrupted();
        }
        boolean isNew = MessageDigest.isEqual(FileInstaller.sha256(jar), PackageCheck.expectedDigest(order));
        Files.delete(sibling(".update"));
        Files.deleteIfExists(sibling(".starts"));
        return isNew ? Ended.succeeded() : Ended.interrupted();
    }

    /** The jar kept before the update runs again after the restart this asks for. */
    @Override
    public boolean rollBack(PackageRollback rollback) throws IOException {
        if (jar == null || !Files.isRegularFile(sibling(".previous"))) {
            throw new IllegalStateException("no previous agent jar is kept to go back to");
        }
        DurableFiles.moveInto(sibling(".previous"), jar);
        return true;
    }

    private boolean marks(String suffix, PackageOrder order) throws IOException {
        Path marker = sibling(suffix);
        return Files.exists(marker) && Files.readString(marker).trim().equals(order.rollout());
    }

    private Path sibling(String suffix) {
        return jar.resolveSibling(jar.getFileName() + suffix);
    }
}
