package io.fleetmesh.api.rules;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A rule as the trucks run it (the edge agent's grammar): {@code <channel>.<metric> <op> <threshold> [for <duration>]
 * [clear <value>] [severity INFO|WARNING|CRITICAL]}; {@code tag}: only trucks with this tag get it (none: all).
 */
record EdgeRule(@NotNull @Pattern(regexp = "[a-z0-9-]{1,64}") String key,
                @NotNull @Pattern(regexp = EXPRESSION, message = "is not '<channel>.<metric> <op> <threshold> [for <duration>]"
                        + " [clear <value>] [severity INFO|WARNING|CRITICAL]'") String expression,
                @Pattern(regexp = "[a-z0-9-]{1,64}") String tag) {

    static final String EXPRESSION = "\\s*[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.[A-Za-z0-9_-]+\\s*(>=|<=|>|<)\\s*-?[0-9.]+"
            + "(\\s+for\\s+[0-9]+(ms|s|m|h))?(\\s+clear\\s+-?[0-9.]+)?(\\s+severity\\s+(INFO|WARNING|CRITICAL))?\\s*";

    boolean appliesTo(java.util.List<String> deviceTags) {
        return tag == null || deviceTags.contains(tag);
    }
}
