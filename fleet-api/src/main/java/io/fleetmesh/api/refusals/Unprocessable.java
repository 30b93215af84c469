package io.fleetmesh.api.refusals;

import java.util.Map;

/** Well-formed input that cannot be acted on, e.g. a key used before for something else. */
public class Unprocessable extends Refusal {

    public Unprocessable(String detail) {
        this(null, detail, Map.of());
    }

    public Unprocessable(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
