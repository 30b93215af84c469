package io.fleetmesh.edge.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the agent installs packages (ADR 0013).
 *
 * @param dir             where downloads are spooled and each rollout's progress is kept ({@code ota.dir}, default
 *                        {@code <data-dir>/ota})
 * @param filesDir        where {@code file} packages are installed, under their name ({@code ota.files-dir}, default
 *                        {@code <data-dir>/files})
 * @param signingKey      the tenant's package signing key (an Ed25519 public key, PEM), or null; with one, unsigned
 *                        packages are refused ({@code ota.signing-key})
 * @param maxBytes        the most the spool may take on disk, besides what the leaf's store may still claim: a package
 *                        needs twice its size, its chunks and the joined file ({@code ota.max-bytes}, default 1GiB)
 * @param firmwareTimeout how long the truck's firmware installer may take to answer ({@code ota.firmware-timeout})
 * @param agentJar        the jar systemd runs the agent from, replaced by {@code agent} packages, or null: this agent
 *                        cannot be updated that way ({@code ota.agent-jar})
 * @param silence         a download the hub sends no chunk for this long while the truck is connected was withdrawn
 *                        (its rollout ended before the truck began): FAILED, so the next package is not held up
 *                        ({@code ota.silence}, default 10m)
 */
public record OtaSettings(Path dir, Path filesDir, Path signingKey, long maxBytes, Duration firmwareTimeout,
                          Path agentJar, Duration silence) {

    /** {@code data}: the agent's {@code data-dir}, under which the directories are by default. */
    static OtaSettings from(AgentConfig.Settings settings, Path data) {
        return new OtaSettings(settings.path("ota.dir", data.resolve("ota").toString()),
                settings.path("ota.files-dir", data.resolve("files").toString()),
                settings.path("ota.signing-key", null),
                Units.bytes(settings.get("ota.max-bytes", "1GiB")),
                Units.duration(settings.get("ota.firmware-timeout", "10m")),
                settings.path("ota.agent-jar", null),
                Units.duration(settings.get("ota.silence", "10m")));
    }
}
