package io.fleetmesh.api.rules;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A threshold rule in the edge agent's grammar: {@code <channel>.<metric> <op> <threshold> [for <duration>]
 * [clear <value>] [severity INFO|WARNING|CRITICAL]}; {@code tag}: only devices with this tag (none: all);
 * {@code runsOn}: EDGE (pushed to the trucks, the default) or CLOUD (evaluated on stored readings, for devices
 * without an agent; no {@code for} duration there).
 */
public record AlertRule(@NotNull @Pattern(regexp = "(?!sampling$|rollout$)[a-z0-9-]{1,64}",
                                 message = "is 1-64 of a-z, 0-9, - (and not sampling or rollout)") String key,
                @NotNull @Pattern(regexp = EXPRESSION, message = "is not '<channel>.<metric> <op> <threshold> [for <duration>]"
                        + " [clear <value>] [severity INFO|WARNING|CRITICAL]'") String expression,
                @Pattern(regexp = "[a-z0-9-]{1,64}") String tag,
                RunsOn runsOn) {

    public enum RunsOn { EDGE, CLOUD }

    public RunsOn where() {
        return runsOn == null ? RunsOn.EDGE : runsOn;
    }

    private static final String NUMBER = "-?[0-9]{1,12}(\\.[0-9]{1,6})?";
    static final String EXPRESSION = "\\s*[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.[A-Za-z0-9_-]+\\s*(>=|<=|>|<)\\s*" + NUMBER
            + "(\\s+for\\s+[0-9]+(ms|s|m|h))?(\\s+clear\\s+" + NUMBER + ")?(\\s+severity\\s+(INFO|WARNING|CRITICAL))?\\s*";

    public boolean appliesTo(java.util.List<String> deviceTags) {
        return tag == null || deviceTags.contains(tag);
    }
}
