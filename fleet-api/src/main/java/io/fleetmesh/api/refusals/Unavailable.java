package io.fleetmesh.api.refusals;

import java.util.Map;

/** What is needed for the request (the hub, for one) cannot be reached now; trying later may work (HTTP 503). */
public class Unavailable extends Refusal {

    public Unavailable(String detail) {
        super(null, detail, Map.of());
    }
}
