package io.fleetmesh.api.alerts;

/** How many alerts of a device are open (active or acknowledged), and the worst of their severities. */
public record OpenAlertCount(long count, Severity worst) {

    public static final OpenAlertCount NONE = new OpenAlertCount(0, null);

    OpenAlertCount plus(OpenAlertCount other) {
        Severity higher = worst == null || (other.worst != null && other.worst.compareTo(worst) > 0) ? other.worst : worst;
        return new OpenAlertCount(count + other.count, higher);
    }
}
