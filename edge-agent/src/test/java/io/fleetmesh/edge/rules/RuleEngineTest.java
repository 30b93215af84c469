package io.fleetmesh.edge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetmesh.protocol.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final RuleEngine engine = new RuleEngine(List.of(
            Rule.parse("reefer-warm", "reefer.temp > -15 for 30s clear -16 severity CRITICAL")));

    @Test
    void parsesTheRuleSyntax() {
        Rule rule = Rule.parse("r", "engine.oil.pressure <= 1.5");
        assertThat(rule.channel()).isEqualTo("engine.oil");
        assertThat(rule.metric()).isEqualTo("pressure");
        assertThat(rule.comparison()).isEqualTo(Rule.Comparison.AT_MOST);
        assertThat(rule.forDuration()).isEqualTo(Duration.ZERO);
        assertThat(rule.clearThreshold()).isEqualTo(1.5);
        assertThat(rule.severity()).isEqualTo("WARNING");
        assertThatThrownBy(() -> Rule.parse("bad", "temp is hot")).hasMessageContaining("rule bad");
    }

    @Test
    void pushedRulesReplaceTheOldOnesAndAnUnchangedRuleKeepsItsActiveAlert() {
        temp(-13, 0);
        assertThat(temp(-13, 30)).singleElement().satisfies(alert -> assertThat(alert.state()).isEqualTo(AlertEvent.RAISED));
        assertThat(engine.replace(List.of(Rule.parse("reefer-warm", "reefer.temp > -15 for 30s clear -16 severity CRITICAL"),
                Rule.parse("reefer-frozen", "reefer.temp < -30")), T0.plusSeconds(35))).isEmpty();
        assertThat(temp(-13, 40)).isEmpty();
        assertThat(temp(-17, 50)).singleElement().satisfies(alert -> assertThat(alert.state()).isEqualTo(AlertEvent.CLEARED));
        assertThat(temp(-31, 60)).singleElement().satisfies(alert -> assertThat(alert.ruleId()).isEqualTo("reefer-frozen"));

        assertThat(engine.replace(List.of(), T0.plusSeconds(65))).singleElement().satisfies(cleared -> {
            assertThat(cleared.ruleId()).isEqualTo("reefer-frozen");
            assertThat(cleared.state()).isEqualTo(AlertEvent.CLEARED);
        });
        assertThat(engine.watches("reefer")).isFalse();
        assertThat(temp(-40, 70)).isEmpty();
    }

    @Test
    void raisesOnlyAfterTheConditionHeldForItsDuration() {
        assertThat(temp(-14, 0)).isEmpty();
        assertThat(temp(-14, 20)).isEmpty();
        List<AlertEvent> raised = temp(-13, 30);
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertEvent.RAISED);
            assertThat(alert.severity()).isEqualTo("CRITICAL");
            assertThat(alert.value()).isEqualTo(-13.0);
            assertThat(alert.ts()).isEqualTo(T0.plusSeconds(30));
        });
        assertThat(temp(-12, 40)).as("raised once, not on every reading").isEmpty();
    }

    @Test
    void aDipBelowTheThresholdRestartsTheClock() {
        temp(-14, 0);
        temp(-17, 20);
        assertThat(temp(-14, 31)).isEmpty();
        assertThat(temp(-14, 61)).hasSize(1);
    }

    @Test
    void clearsPastTheClearThresholdWithTheSameAlertId() {
        temp(-14, 0);
        String id = temp(-14, 30).get(0).alertId();
        assertThat(temp(-15.5, 40)).as("between threshold and clear threshold: still active").isEmpty();
        List<AlertEvent> cleared = temp(-16.5, 50);
        assertThat(cleared).singleElement().satisfies(alert -> {
            assertThat(alert.state()).isEqualTo(AlertEvent.CLEARED);
            assertThat(alert.alertId()).isEqualTo(id);
        });
    }

    @Test
    void ignoresOtherChannelsAndMetrics() {
        assertThat(engine.evaluate("engine", Map.of("temp", 90.0), T0)).isEmpty();
        assertThat(engine.evaluate("reefer", Map.of("humidity", 99.0), T0)).isEmpty();
        assertThat(engine.watches("reefer")).isTrue();
        assertThat(engine.watches("gps")).isFalse();
    }

    private List<AlertEvent> temp(double value, int seconds) {
        return engine.evaluate("reefer", Map.of("temp", value), T0.plusSeconds(seconds));
    }
}
