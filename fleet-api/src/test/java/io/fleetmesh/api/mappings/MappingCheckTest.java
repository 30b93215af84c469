package io.fleetmesh.api.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.api.refusals.InvalidInput;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Subject mappings without a server: what a destination becomes, and which sets are refused, and why. */
class MappingCheckTest {

    private static final Set<String> DEVICES = Set.of("truck-1");

    @Test
    void destinationsReorderTokensAndSpreadThemOverPartitions() {
        assertThat(new SubjectTransform("trucks.*.temp", "fleet.$1.telemetry.reefer").apply("trucks.t-9.temp"))
                .contains("fleet.t-9.telemetry.reefer");
        assertThat(new SubjectTransform("fleet.*.telemetry.*", "analytics.{{wildcard(2)}}.{{ wildcard(1) }}")
                .apply("fleet.t-9.telemetry.reefer")).contains("analytics.reefer.t-9");
        assertThat(new SubjectTransform("legacy.>", "fleet.old.>").apply("legacy.a.b")).contains("fleet.old.a.b");
        assertThat(new SubjectTransform("trucks.*.temp", "x.$1").apply("trucks.t-9.speed")).isEmpty();
        String partition = new SubjectTransform("fleet.*.telemetry.gps", "gps.{{partition(4,1)}}")
                .apply("fleet.t-9.telemetry.gps").orElseThrow();
        assertThat(partition).matches("gps\\.[0-3]");
        assertThat(new SubjectTransform("fleet.*.telemetry.gps", "gps.{{partition(4,1)}}").apply("fleet.t-9.telemetry.gps"))
                .as("the same truck, the same partition").contains(partition);
    }

    @Test
    void legacyLayoutsCanariesAndPartitionsAreAccepted() {
        MappingCheck.check(List.of(rule("trucks.*.temp", "fleet.$1.telemetry.reefer", null),
                new MappingRule("fleet.*.telemetry.door", List.of(new MappingRule.Destination("fleet.$1.telemetry.door-canary", 10),
                        new MappingRule.Destination("analytics.door.$1", 90))),
                rule("fleet.truck-1.telemetry.gps", "fleet.truck-1.telemetry.position", null)), DEVICES::contains);
    }

    @Test
    void hostileOrAmbiguousSetsAreRefusedWithTheMappingAtFault() {
        refused(List.of(rule("$JS.>", "stolen.>", null)), 0, "may not capture");
        refused(List.of(rule("*.>", "x.>", null)), 0, "may not capture");
        refused(List.of(rule("_INBOX.*", "x.$1", null)), 0, "may not capture");
        refused(List.of(rule("fleet.*.cmd.>", "x.>", null)), 0, "may not capture");
        refused(List.of(rule("trucks.*.temp", "$JS.API.STREAM.DELETE.$1", null)), 0, "may not produce");
        refused(List.of(rule("trucks.*.cmd", "fleet.$1.cmd.reboot", null)), 0, "may not produce");
        refused(List.of(rule("trucks.*.temp", "fleet.truck-of-b.telemetry.reefer", null)), 0, "not one of this tenant's");
        refused(List.of(rule("a.*", "b.$1", null), rule("b.*", "a.$1", null)), 0, "a loop");
        refused(List.of(rule("a.*", "b.$1", null), rule("a.x", "c", null)), 1, "overlaps that of mapping 0");
        refused(List.of(rule("a.*", "b.$2", null)), 0, "there is no wildcard 2");
        refused(List.of(rule("a.*", "b.*", null)), 0, "is not a token");
        refused(List.of(new MappingRule("a.*", List.of(new MappingRule.Destination("b.$1", 60),
                new MappingRule.Destination("c.$1", 50)))), 0, "add up to at most 100");
        refused(List.of(rule("a..b", "c", null)), 0, "subject pattern");
        refused(List.of(rule("a.*", "b.$1", null), new MappingRule(null, null)), 1, "subject pattern");
    }

    private static MappingRule rule(String source, String destination, Integer weight) {
        return new MappingRule(source, List.of(new MappingRule.Destination(destination, weight)));
    }

    private static void refused(List<MappingRule> rules, int index, String why) {
        assertThatThrownBy(() -> MappingCheck.check(rules, DEVICES::contains)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining(why).satisfies(e -> assertThat(((InvalidInput) e).properties())
                        .containsEntry("mapping", index));
    }
}
