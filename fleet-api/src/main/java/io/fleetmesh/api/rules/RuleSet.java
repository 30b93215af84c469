package io.fleetmesh.api.rules;

import java.util.List;

/** The tenant's edge rules and the version of the configuration they make. */
record RuleSet(long version, List<AlertRule> rules) {
}
