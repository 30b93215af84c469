package io.fleetmesh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.PromQlSelectors.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboard that compose provisions and the chart ships (helm/fleetmesh/dashboards/fleetmesh.json)
 * queries only series this application exports, with labels they carry: a renamed meter or a dropped tag shows up
 * here, not as an empty panel in production. Prometheus adds {@code instance} and {@code job} itself.
 */
class GrafanaDashboardTest extends IntegrationTest {

    static final Path DASHBOARD = Path.of("../helm/fleetmesh/dashboards/fleetmesh.json");
    private static final Set<String> SCRAPE_LABELS = Set.of("instance", "job");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    @Test
    void everyQueryReadsSeriesTheApplicationExports() throws Exception {
        List<Query> queries = queries(json.readTree(Files.readString(DASHBOARD)));
        assertThat(queries).as("panels with PromQL").hasSizeGreaterThan(15);

        Map<String, Set<String>> exported = exportedOnceEveryMeterExists();
        List<String> problems = new ArrayList<>();
        Set<String> queried = new TreeSet<>();
        for (Query query : queries) {
            List<Selector> selectors = query.variable() ? PromQlSelectors.ofVariable(query.expr())
                    : PromQlSelectors.of(query.expr());
            if (selectors.isEmpty()) {
                problems.add(query.where() + ": no metric in " + query.expr());
            }
            for (Selector selector : selectors) {
                queried.add(selector.metric());
                Set<String> labels = exported.get(selector.metric());
                if (labels == null) {
                    problems.add(query.where() + ": " + selector.metric() + " is not exported");
                    continue;
                }
                for (String label : selector.labels()) {
                    if (!labels.contains(label) && !SCRAPE_LABELS.contains(label)) {
                        problems.add(query.where() + ": " + selector.metric() + " has no label " + label);
                    }
                }
            }
        }
        assertThat(problems).as("queries against /actuator/prometheus").isEmpty();
        // the panels issue 16 asks for: ingest rate and lag per tenant, quarantine by cause, command outcomes,
        // alert changes, hub connections, JVM, HTTP latency
        assertThat(queried).contains("fleetmesh_ingest_readings_total", "fleetmesh_ingest_consumer_lag",
                "fleetmesh_ingest_quarantined_total", "fleetmesh_commands_transitions_total",
                "fleetmesh_alerts_changes_total", "fleetmesh_hub_connected", "jvm_memory_used_bytes",
                "jvm_gc_pause_seconds_sum", "jvm_threads_live_threads", "http_server_requests_seconds_bucket");
        assertThat(exported.get("fleetmesh_ingest_readings_total")).contains("tenant");
    }

    @Test
    void selectorsAreReadFromPromQl() {
        assertThat(PromQlSelectors.of("histogram_quantile(0.95, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                + "{uri!~\"/actuator.*|a_b\", status=\"5..\"}[$__rate_interval])))"))
                .containsExactly(new Selector("http_server_requests_seconds_bucket", Set.of("status", "uri")));
        assertThat(PromQlSelectors.of("sum(rate(a_sum[5m])) / sum(rate(a_count[5m] offset 1h)) * 60 > bool 1e3"))
                .extracting(Selector::metric).containsExactly("a_sum", "a_count");
        assertThat(PromQlSelectors.of("count by (instance) (up == 0) or vector(0)")).extracting(Selector::metric)
                .containsExactly("up");
        assertThat(PromQlSelectors.ofVariable("label_values(fleetmesh_ingest_consumer_lag, tenant)"))
                .containsExactly(new Selector("fleetmesh_ingest_consumer_lag", Set.of("tenant")));
    }

    /**
     * Sample names of /actuator/prometheus with the labels each carries, once the meters that appear only after
     * an event exist: the tenant's ingest meters (its consumer started), a GC pause and an HTTP request.
     */
    private Map<String, Set<String>> exportedOnceEveryMeterExists() {
        assertThat(get("/api/v1/devices").status()).isEqualTo(200);
        System.gc();
        await().atMost(Duration.ofSeconds(30)).until(() -> exported().keySet().containsAll(List.of(
                "fleetmesh_ingest_readings_total", "fleetmesh_ingest_consumer_lag", "jvm_gc_pause_seconds_sum",
                "http_server_requests_seconds_bucket")));
        return exported();
    }

    private Map<String, Set<String>> exported() {
        Map<String, Set<String>> samples = new TreeMap<>();
        get("/actuator/prometheus").body().lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.find()) {
                Set<String> labels = samples.computeIfAbsent(sample.group(1), name -> new TreeSet<>());
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        });
        return samples;
    }

    /** Every PromQL expression of the dashboard: panel targets (rows' nested panels too) and variable queries. */
    static List<Query> queries(JsonNode dashboard) {
        List<Query> queries = new ArrayList<>();
        collect(dashboard.path("panels"), queries);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").stringValue("").equals("query")) {
                JsonNode query = variable.path("query");
                String expr = query.isObject() ? query.path("query").stringValue("") : query.stringValue("");
                queries.add(new Query("variable " + variable.path("name").stringValue(""), expr, true));
            }
        }
        return queries;
    }

    private static void collect(JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new Query("panel \"" + panel.path("title").stringValue("") + "\" " + target.path("refId")
                        .stringValue(""), target.path("expr").stringValue(""), false));
            }
            collect(panel.path("panels"), queries);
        }
    }

    record Query(String where, String expr, boolean variable) {
    }
}
