package io.fleetmesh.api.mappings;

import java.util.List;

/**
 * What the tenant's mappings make of a sample subject: {@code mapping}, the index of the one that applies (null:
 * none, the subject stays); each outcome with its share of the messages.
 */
public record MappingDryRun(String subject, Integer mapping, List<Outcome> outcomes) {

    public record Outcome(String subject, int percent) {
    }
}
