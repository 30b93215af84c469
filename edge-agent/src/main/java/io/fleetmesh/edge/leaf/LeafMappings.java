package io.fleetmesh.edge.leaf;

import io.fleetmesh.protocol.MappingsOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's subject mappings as the truck's leaf applies them (ADR 0014), kept in the data directory so a restart
 * keeps them: what was pushed last ({@code apply-mappings}), version 0 (none) until then. Rendered into the leaf's
 * configuration, where they apply to what is published on the truck before its outbox captures it.
 */
public final class LeafMappings {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final Path file;
    private volatile MappingsOrder applied;

    private LeafMappings(Path file, MappingsOrder applied) {
        this.file = file;
        this.applied = applied;
    }

    public static LeafMappings in(Path dataDir) throws IOException {
        Path file = dataDir.resolve("applied-mappings.json");
        MappingsOrder applied = Files.exists(file) ? MappingsOrder.parse(json.readTree(file.toFile()))
                : new MappingsOrder(0, Map.of());
        return new LeafMappings(file, applied);
    }

    public long version() {
        return applied.version();
    }

    /** Written to a temporary file and moved into place: a power cut leaves the old or the new, never half. */
    public void applied(MappingsOrder order) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, json.writeValueAsBytes(order.params()));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        applied = order;
    }

    /** The applied mappings as the {@code mappings} block of the leaf's configuration. */
    String render() {
        return render(applied);
    }

    /** The {@code mappings} block of a leaf configuration (empty without mappings). */
    static String render(MappingsOrder order) {
        if (order.mappings().isEmpty()) {
            return "";
        }
        return order.mappings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(mapping -> "  \"" + mapping.getKey() + "\": " + destinations(mapping.getValue()))
                .collect(Collectors.joining("\n", "mappings {\n", "\n}\n"));
    }

    private static String destinations(List<MappingsOrder.Destination> destinations) {
        if (destinations.size() == 1 && destinations.get(0).weight() == null) {
            return "\"" + destinations.get(0).subject() + "\"";
        }
        return destinations.stream().map(d -> "{ destination: \"" + d.subject() + "\", weight: \""
                + (d.weight() == null ? 100 : d.weight()) + "%\" }").collect(Collectors.joining(", ", "[", "]"));
    }
}
