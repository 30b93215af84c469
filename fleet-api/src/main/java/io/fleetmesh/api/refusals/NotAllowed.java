package io.fleetmesh.api.refusals;

import java.util.Map;

/** The caller may not do this, whatever the input. */
public class NotAllowed extends Refusal {

    public NotAllowed(String detail) {
        this(null, detail, Map.of());
    }

    public NotAllowed(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
