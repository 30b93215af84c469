package io.fleetmesh.protocol;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of a {@code rollback-package} command: an aborted rollout takes its package back off a truck that
 * installed it ({@code {"rollout", "name", "version", "kind"}}). The truck reports ROLLED_BACK, or FAILED with why,
 * on {@link Subjects#otaEvents}.
 */
public record PackageRollback(String rollout, String name, String version, String kind) {

    public static final String COMMAND = "rollback-package";

    public Map<String, Object> params() {
        return Map.of("rollout", rollout, "name", name, "version", version, "kind", kind);
    }

    /** Checked as an order's fields are: the name becomes a file name on the truck. */
    public static PackageRollback parse(JsonNode params) {
        PackageOrder.checkName(Json.text(params, "name"));
        String kind = Json.text(params, "kind");
        if (!PackageOrder.KINDS.contains(String.valueOf(kind))) {
            throw new MalformedMessage("rollback-package kind is not one of " + PackageOrder.KINDS);
        }
        String rollout = PackageOrder.rolloutOf(params);
        if (rollout == null) {
            throw new MalformedMessage("rollback-package rollout is not a UUID");
        }
        return new PackageRollback(rollout, Json.text(params, "name"), String.valueOf(Json.text(params, "version")), kind);
    }
}
