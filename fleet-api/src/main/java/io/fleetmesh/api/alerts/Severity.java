package io.fleetmesh.api.alerts;

public enum Severity {
    INFO, WARNING, CRITICAL
}
