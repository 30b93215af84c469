package io.fleetmesh.api.packages;

import io.fleetmesh.api.refusals.InvalidInput;
import java.util.Arrays;
import java.util.Map;

/** What a package is: the edge agent itself, firmware for a device on the truck, or a file (a map, a route). */
public enum PackageKind {
    AGENT, FIRMWARE, FILE;

    public String apiName() {
        return name().toLowerCase();
    }

    static PackageKind named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.apiName().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInput("Unknown package kind", "A package is an agent, firmware or a file.",
                        Map.of("kind", String.valueOf(name))));
    }
}
