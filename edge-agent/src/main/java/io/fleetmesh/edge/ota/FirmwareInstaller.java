package io.fleetmesh.edge.ota;

import io.fleetmesh.protocol.PackageOrder;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code firmware} packages go to the truck's firmware installer, a local NATS service (the reefer controller's
 * flasher, say) on {@value #SUBJECT}: it gets {@code {"rollout", "name", "version", "path", "digest"}}, flashes the
 * verified file and answers {@code {"installed": true}} or {@code {"error": "..."}}.
 */
final class FirmwareInstaller implements Installer {

    static final String SUBJECT = "agent.actuator.firmware.install";
    private static final JsonMapper json = JsonMapper.builder().build();

    private final Connection local;
    private final Duration timeout;

    FirmwareInstaller(Connection local, Duration timeout) {
        this.local = local;
        this.timeout = timeout;
    }

    @Override
    public boolean install(PackageOrder order, Path verified) throws Exception {
        byte[] request = json.writeValueAsBytes(json.createObjectNode().put("rollout", order.rollout())
                .put("name", order.name()).put("version", order.version()).put("path", verified.toString())
                .put("digest", order.digest()));
        Message answer = local.request(SUBJECT, request, timeout);
        if (answer == null || answer.isStatusMessage()) {
            throw new IllegalStateException("no firmware installer answered on the truck (" + SUBJECT + ")");
        }
        JsonNode outcome = json.readTree(answer.getData());
        if (!outcome.path("installed").asBoolean(false)) {
            throw new IllegalStateException("the firmware installer refused: " + outcome.path("error").asString("no reason"));
        }
        return true;
    }

    /** The flasher cannot be asked whether a flash it was given before a crash completed: not taken as done. */
    @Override
    public Ended afterRestart(PackageOrder order) {
        return Ended.interrupted();
    }
}
