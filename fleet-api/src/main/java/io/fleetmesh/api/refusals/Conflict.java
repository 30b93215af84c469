package io.fleetmesh.api.refusals;

import java.util.Map;

/** The thing exists, but its state does not allow what was asked. */
public class Conflict extends Refusal {

    public Conflict(String detail) {
        this(null, detail, Map.of());
    }

    public Conflict(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
