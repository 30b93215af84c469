package io.fleetmesh.api.identity;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The tenant every request and every ingested message belongs to. One default tenant (created by the first
 * migration) until operators and API keys arrive; then it comes from the authenticated caller.
 */
@Component
public class CurrentTenant {

    /** The tenant the V1 migration creates. */
    public static final UUID DEFAULT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    public UUID id() {
        return DEFAULT;
    }
}
