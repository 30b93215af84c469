package io.fleetmesh.api.catalogue;

import java.util.List;
import java.util.Map;

/** The catalogue as the API serves it: the units an entry may name (symbol: what it measures) and every entry. */
record CatalogueView(Map<String, String> units, List<MetricEntry> entries) {
}
