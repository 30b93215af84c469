package io.fleetmesh.edge.rules;

import io.fleetmesh.protocol.AlertEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Evaluates the threshold rules against each reading. Pure: no I/O, time comes from the readings. */
public final class RuleEngine {

    private List<Rule> rules;
    private final Map<String, RuleState> states = new HashMap<>();

    public RuleEngine(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * New rules from a pushed configuration. A rule kept unchanged keeps its state (an active alert stays active);
     * the active alerts of rules that changed or went are cleared: the events to raise for that.
     */
    public synchronized List<AlertEvent> replace(List<Rule> replacement, Instant now) {
        List<AlertEvent> cleared = new ArrayList<>();
        for (Rule rule : rules) {
            RuleState state = states.get(rule.id());
            if (!replacement.contains(rule) && state != null) {
                state.dropped(rule, now).ifPresent(cleared::add);
                states.remove(rule.id());
            }
        }
        rules = List.copyOf(replacement);
        return cleared;
    }

    /** The alerts this reading raises or clears. */
    synchronized List<AlertEvent> evaluate(String channel, Map<String, Double> metrics, Instant ts) {
        List<AlertEvent> events = new ArrayList<>();
        for (Rule rule : rules) {
            Double value = rule.channel().equals(channel) ? metrics.get(rule.metric()) : null;
            if (value != null) {
                AlertEvent event = states.computeIfAbsent(rule.id(), id -> new RuleState()).next(rule, value, ts);
                if (event != null) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    synchronized boolean watches(String channel) {
        return rules.stream().anyMatch(rule -> rule.channel().equals(channel));
    }

    /** One rule's memory: since when its condition holds, and the alert it raised, if active. */
    private static final class RuleState {

        private Instant holdingSince;
        private String activeAlert;

        AlertEvent next(Rule rule, double value, Instant ts) {
            if (activeAlert != null) {
                return rule.comparison().cleared(value, rule.clearThreshold()) ? clear(rule, value, ts) : null;
            }
            if (!rule.comparison().holds(value, rule.threshold())) {
                holdingSince = null;
                return null;
            }
            holdingSince = holdingSince == null ? ts : holdingSince;
            return Duration.between(holdingSince, ts).compareTo(rule.forDuration()) >= 0 ? raise(rule, value, ts) : null;
        }

        /** The rule went: its active alert, if any, is over. */
        java.util.Optional<AlertEvent> dropped(Rule rule, Instant ts) {
            if (activeAlert == null) {
                return java.util.Optional.empty();
            }
            AlertEvent cleared = event(rule, AlertEvent.CLEARED, rule.threshold(), ts, "rule " + rule.id() + " changed or removed");
            activeAlert = null;
            return java.util.Optional.of(cleared);
        }

        private AlertEvent raise(Rule rule, double value, Instant ts) {
            activeAlert = UUID.randomUUID().toString();
            return event(rule, AlertEvent.RAISED, value, ts, rule.metric() + " " + value + " crossed " + rule.threshold());
        }

        private AlertEvent clear(Rule rule, double value, Instant ts) {
            AlertEvent cleared = event(rule, AlertEvent.CLEARED, value, ts, rule.metric() + " back to " + value);
            activeAlert = null;
            holdingSince = null;
            return cleared;
        }

        private AlertEvent event(Rule rule, String state, double value, Instant ts, String message) {
            return new AlertEvent(activeAlert, rule.id(), state, rule.severity(), rule.channel() + "." + rule.metric(),
                    value, rule.threshold(), ts, message);
        }
    }
}
