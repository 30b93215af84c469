package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.PackageOrder;
import io.fleetmesh.protocol.PackageRollback;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code firmware} packages go to the truck's firmware installer, a local NATS service (the reefer controller's
 * flasher, say) on {@value #SUBJECT}: it gets {@code {"rollout", "name", "version", "path", "digest"}}, flashes the
 * verified file and answers {@code {"installed": true}} or {@code {"error": "..."}}. A rollback asks it, on
 * {@value #ROLLBACK_SUBJECT}, to go back to the firmware it had ({@code {"rolledBack": true}}).
 */
final class FirmwareInstaller implements Installer {

    static final String SUBJECT = "agent.actuator.firmware.install";
    static final String ROLLBACK_SUBJECT = "agent.actuator.firmware.rollback";
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Connection local;
    private final Duration timeout;

    FirmwareInstaller(Connection local, Duration timeout) {
        this.local = local;
        this.timeout = timeout;
    }

    @Override
    public boolean install(PackageOrder order, Path verified) throws Exception {
        ask(SUBJECT, json.createObjectNode().put("rollout", order.rollout()).put("name", order.name())
                .put("version", order.version()).put("path", verified.toString()).put("digest", order.digest()), "installed");
        return true;
    }

    @Override
    public boolean rollBack(PackageRollback rollback) throws Exception {
        ask(ROLLBACK_SUBJECT, json.createObjectNode().put("rollout", rollback.rollout()).put("name", rollback.name())
                .put("version", rollback.version()), "rolledBack");
        return false;
    }

    private void ask(String subject, ObjectNode request, String done) throws Exception {
        Message answer = local.request(subject, json.writeValueAsBytes(request), timeout);
        if (answer == null || answer.isStatusMessage()) {
            throw new IllegalStateException("no firmware installer answered on the truck (" + subject + ")");
        }
        JsonNode outcome = json.readTree(answer.getData());
        if (!outcome.path(done).asBoolean(false)) {
            throw new IllegalStateException("the firmware installer refused: " + outcome.path("error").asString("no reason"));
        }
    }

    /** The flasher cannot be asked whether a flash it was given before a crash completed: not taken as done. */
    @Override
    public Ended afterRestart(PackageOrder order) {
        return Ended.interrupted();
    }
}
