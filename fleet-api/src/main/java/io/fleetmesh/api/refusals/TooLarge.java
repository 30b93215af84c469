package io.fleetmesh.api.refusals;

import java.util.Map;

/** What was sent is larger than the limit (HTTP 413). */
public class TooLarge extends Refusal {

    public TooLarge(String title, String detail, Map<String, Object> properties) {
        super(title, detail, properties);
    }
}
