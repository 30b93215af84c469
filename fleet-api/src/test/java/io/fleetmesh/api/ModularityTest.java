package io.fleetmesh.api;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk to each other only through the public types of their package. */
class ModularityTest {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(FleetApiApplication.class).verify();
    }
}
