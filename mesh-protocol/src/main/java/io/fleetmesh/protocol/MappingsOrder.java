package io.fleetmesh.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The parameters of an {@code apply-mappings} command (ADR 0014): a version of the tenant's subject mappings for the
 * truck's leaf server to apply on its own, as the hub does (source to weighted destinations, weights in percent,
 * null for all). The truck renders them into its leaf's configuration, so they are checked here again: a subject that
 * could break out of a quoted configuration string is refused.
 */
public record MappingsOrder(long version, Map<String, List<Destination>> mappings) {

    public static final String COMMAND = "apply-mappings";
    /** Subject tokens, wildcards and the transform functions' characters; no quote, backslash or white space. */
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_\\-.$*>{}(),]{1,255}");

    public record Destination(String subject, Integer weight) {
    }

    public MappingsOrder {
        mappings = Map.copyOf(mappings);
    }

    public Map<String, Object> params() {
        return Map.of("version", version, "mappings", mappings);
    }

    /** Throws IllegalArgumentException naming what is wrong. */
    public static MappingsOrder parse(JsonNode params) {
        long version = params.path("version").asLong(-1);
        if (version < 0 || !params.path("mappings").isObject()) {
            throw new IllegalArgumentException("params need a version >= 0 and a mappings object");
        }
        Map<String, List<Destination>> mappings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> mapping : params.get("mappings").properties()) {
            mappings.put(subject(mapping.getKey()), destinations(mapping.getKey(), mapping.getValue()));
        }
        return new MappingsOrder(version, mappings);
    }

    private static List<Destination> destinations(String source, JsonNode destinations) {
        if (!destinations.isArray() || destinations.isEmpty()) {
            throw new IllegalArgumentException("the mapping of " + source + " has no destinations");
        }
        List<Destination> parsed = new ArrayList<>();
        for (JsonNode destination : destinations) {
            JsonNode weight = destination.path("weight");
            if (!weight.isMissingNode() && !weight.isNull() && (!weight.isInt() || weight.intValue() < 1
                    || weight.intValue() > 100)) {
                throw new IllegalArgumentException("a weight of the mapping of " + source + " is not 1 to 100");
            }
            parsed.add(new Destination(subject(destination.path("subject").asString("")),
                    weight.isInt() ? weight.intValue() : null));
        }
        return parsed;
    }

    private static String subject(String subject) {
        if (!SUBJECT.matcher(subject).matches() || !SubjectPatterns.wellFormed(subject)) {
            throw new IllegalArgumentException("not a subject a mapping may use: " + subject);
        }
        return subject;
    }
}
