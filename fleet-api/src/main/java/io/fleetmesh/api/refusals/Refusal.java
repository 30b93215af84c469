package io.fleetmesh.api.refusals;

import java.util.Map;

/**
 * The domain's "no" to a request: what does not exist, a transition the state forbids, input it cannot take. Features
 * throw one of the kinds below; {@code web} turns each kind into its HTTP status, and the pages show the detail.
 */
public abstract class Refusal extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    protected Refusal(String title, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    /** A short name of the problem, or null for the status's own phrase. */
    public String title() {
        return title;
    }

    /** What the client should know, in a sentence. */
    public String detail() {
        return getMessage();
    }

    /** Extra members of the problem detail, such as the id that was not found. */
    public Map<String, Object> properties() {
        return properties;
    }
}
