package io.fleetmesh.api.mappings;

import java.util.List;

/**
 * One subject mapping of a tenant's account: messages published on a subject that matches {@code source} are
 * delivered on one of the {@code destinations} instead, chosen by weight (percent; the weights' remainder to 100
 * keeps the subject as it was). A destination refers to the source's wildcards by {@code $n} or
 * {@code {{wildcard(n)}}}, or spreads them over partitions with {@code {{partition(count, n, ...)}}}.
 */
public record MappingRule(String source, List<Destination> destinations) {

    public record Destination(String subject, Integer weight) {

        /** A destination without a weight takes every message. */
        int percent() {
            return weight == null ? 100 : weight;
        }
    }
}
