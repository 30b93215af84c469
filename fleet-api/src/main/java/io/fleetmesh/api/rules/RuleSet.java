package io.fleetmesh.api.rules;

import java.util.List;
import java.util.Map;

/** The tenant's pushed configuration: its rules and sampling intervals, and the version they make. */
record RuleSet(long version, List<AlertRule> rules, Map<String, String> sampling) {
}
