package io.fleetmesh.api.catalogue;

import java.util.Map;

/**
 * How one metric of one channel is shown: its label, unit (one of {@link Units}, or none), decimals, the chart it is
 * drawn on (none: not charted) and, for a text or enumerated metric, the text for each value it sends.
 *
 * @param channel   a channel as readings name it, or {@code *}: this metric on any channel without its own entry
 * @param precision decimals shown, or null: as the reading has it
 * @param chart     the chart group: a channel's metrics with the same group share a chart (one axis per unit)
 * @param states    a value as text ("closed", "1", "true") to what is shown for it; null for a plain metric
 * @param source    DEFAULT (built in) or TENANT (the tenant's own addition or override)
 */
public record MetricEntry(String channel, String metric, String label, String unit, Integer precision, String chart,
                          Map<String, String> states, Source source) {

    /** The channel of entries that apply to a metric on every channel. */
    public static final String ANY_CHANNEL = "*";

    public enum Source { DEFAULT, TENANT }

    public MetricEntry {
        states = states == null ? null : Map.copyOf(states);
    }

    /** What is shown for this value text, or null if the entry has no text for it. */
    String stateOf(String value) {
        return states == null ? null : states.get(value);
    }

    boolean sameKey(MetricEntry other) {
        return channel.equals(other.channel) && metric.equals(other.metric);
    }
}
