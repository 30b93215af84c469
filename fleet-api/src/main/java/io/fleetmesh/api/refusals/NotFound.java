package io.fleetmesh.api.refusals;

import java.util.Map;

/** What the request names does not exist, or not for this tenant. */
public class NotFound extends Refusal {

    public NotFound(String detail) {
        this(null, detail, Map.of());
    }

    public NotFound(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
