package io.fleetmesh.devkit;

import java.util.ArrayList;
import java.util.List;

/** Command-line arguments that point fleet-api at these servers (they outrank application.yml). */
public final class FleetApiArguments {

    private FleetApiArguments() {
    }

    public static List<String> of(Database database, NatsServer hub, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--fleetmesh.db.url=" + database.jdbcUrl(),
                "--fleetmesh.db.username=" + database.username(),
                "--fleetmesh.db.password=" + database.password(),
                "--fleetmesh.nats.urls=" + hub.url()));
        arguments.addAll(List.of(more));
        return arguments;
    }
}
