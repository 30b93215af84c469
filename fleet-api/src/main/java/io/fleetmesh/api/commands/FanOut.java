package io.fleetmesh.api.commands;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One command for many devices: those with {@code tag}, or those listed in {@code devices}.
 */
record FanOut(@NotNull @Valid NewCommand command, @Pattern(regexp = "[a-z0-9-]{1,64}") String tag,
              @Size(max = 10_000) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,64}") String> devices) {

    String target() {
        return tag != null ? "tag:" + tag : "devices:" + String.join(",", devices);
    }
}
