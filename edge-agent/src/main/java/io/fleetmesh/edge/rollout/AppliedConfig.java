package io.fleetmesh.edge.rollout;

import io.fleetmesh.edge.rules.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The configuration the cloud pushed (versioned: rules, and the sampling intervals the truck's sensor apps read
 * from the agent) and the truck applied, kept in the data directory so a restart keeps it; until one arrives, the
 * rules of the properties file apply (version 0).
 */
public final class AppliedConfig {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final Path file;
    private volatile long version;

    private AppliedConfig(Path file, long version) {
        this.file = file;
        this.version = version;
    }

    public static AppliedConfig in(Path dataDir) {
        Path file = dataDir.resolve("applied-config.json");
        return new AppliedConfig(file, read(file).map(node -> node.get("version").asLong()).orElse(0L));
    }

    public long version() {
        return version;
    }

    /** The pushed rules, if any were applied. */
    public Optional<List<Rule>> rules() {
        return read(file).map(node -> parse(node.get("rules")));
    }

    /** Channel to ISO-8601 interval, as pushed; empty before any push. */
    JsonNode sampling() {
        return read(file).map(node -> node.path("sampling")).filter(JsonNode::isObject)
                .orElse(json.createObjectNode());
    }

    /** Every interval an ISO-8601 duration, or IllegalArgumentException. */
    public static void checkSampling(JsonNode sampling) {
        for (Map.Entry<String, JsonNode> channel : sampling.properties()) {
            try {
                java.time.Duration.parse(channel.getValue().asString());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("sampling of " + channel.getKey() + " is not an ISO-8601 duration");
            }
        }
    }

    /** Parses and validates the pushed rules; throws IllegalArgumentException naming the first bad one. */
    public static List<Rule> parse(JsonNode rules) {
        List<Rule> parsed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> rule : rules.properties()) {
            parsed.add(Rule.parse(rule.getKey(), rule.getValue().asString()));
        }
        return parsed;
    }

    /** Written to a temporary file and moved into place: a power cut leaves the old or the new, never half. */
    public void applied(long newVersion, JsonNode rules, JsonNode sampling) throws IOException {
        ObjectNode node = json.createObjectNode().put("version", newVersion);
        node.set("rules", rules);
        node.set("sampling", sampling);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, json.writeValueAsBytes(node));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        version = newVersion;
    }

    private static Optional<JsonNode> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(json.readTree(Files.readAllBytes(file))) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("applied configuration " + file + " is not readable", e);
        }
    }
}
