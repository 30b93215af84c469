package io.fleetmesh.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class with its own whole platform: PostgreSQL, a hub and fleet-api, started once for its tests. */
abstract class SystemTest {

    protected static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = new Platform(); // assigned before fleet-api starts: @AfterAll stops it even if that fails
        platform.startApi();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        platform.close();
    }
}
