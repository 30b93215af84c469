package io.fleetmesh.api.refusals;

import java.util.Map;

/** The request's input cannot be used as it is. */
public class InvalidInput extends Refusal {

    public InvalidInput(String detail) {
        this(null, detail, Map.of());
    }

    public InvalidInput(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
