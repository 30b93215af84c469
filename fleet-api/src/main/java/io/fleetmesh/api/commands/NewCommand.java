package io.fleetmesh.api.commands;

import io.fleetmesh.protocol.CommandMessage;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A command as a caller asks for it.
 *
 * @param type          the handler on the truck: {@code ping}, {@code set-setpoint}, {@code apply-config},
 *                      {@code restart-agent}, or one of the installation's own
 * @param params        a JSON object for the handler
 * @param ttl           how long it may wait for the truck (ISO-8601, e.g. {@code PT30M}); never executed after
 * @param preconditions checked on the truck against its latest readings, e.g. {@code gps.speed <= 0}
 */
record NewCommand(
        @NotNull @Pattern(regexp = "[a-z0-9-]{1,64}") String type,
        Map<String, Object> params,
        Duration ttl,
        @Size(max = 10) List<@NotNull @Pattern(regexp = CommandMessage.PRECONDITION) String> preconditions) {

    Map<String, Object> paramsOrEmpty() {
        return params == null ? Map.of() : params;
    }

    List<String> preconditionsOrNone() {
        return preconditions == null ? List.of() : preconditions;
    }
}
