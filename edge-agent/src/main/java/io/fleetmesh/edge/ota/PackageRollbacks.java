package io.fleetmesh.edge.ota;

import io.fleetmesh.edge.commands.CommandHandler;
import io.fleetmesh.protocol.OtaReport;
import io.fleetmesh.protocol.PackageRollback;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code rollback-package}: the installer of the package's kind takes it back (the file or agent jar it replaced,
 * or the firmware installer's previous firmware), and the rollout hears ROLLED_BACK, or FAILED with why. Run at most
 * once, as every command. Where the previous agent jar is back, the agent restarts once that is stored.
 */
final class PackageRollbacks implements CommandHandler {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final Map<String, Installer> installers;
    private final OtaReports reports;
    private final Runnable restart;
    private volatile boolean restartAfter;

    PackageRollbacks(Map<String, Installer> installers, OtaReports reports, Runnable restart) {
        this.installers = installers;
        this.reports = reports;
        this.restart = restart;
    }

    @Override
    public String type() {
        return PackageRollback.COMMAND;
    }

    @Override
    public JsonNode run(JsonNode params) throws Exception {
        PackageRollback rollback = PackageRollback.parse(params);
        try {
            restartAfter = installers.get(rollback.kind()).rollBack(rollback);
        } catch (Exception e) {
            reports.send(rollback.rollout(), OtaReport.FAILED, null, "rollback failed: " + e.getMessage());
            throw e;
        }
        reports.send(rollback.rollout(), OtaReport.ROLLED_BACK, null, null);
        return json.createObjectNode().put("rollout", rollback.rollout()).put("rolledBack", true);
    }

    @Override
    public void afterStored() {
        if (restartAfter) {
            restartAfter = false;
            restart.run();
        }
    }
}
