package io.fleetmesh.api.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The metric catalogue over REST: built-in entries, a tenant's own, who may change them, and what is refused. */
class MetricCatalogueApiTest extends IntegrationTest {

    private static final String CATALOGUE = "/api/v1/metric-catalogue";
    private static final String CARGO = """
            {"label": "Cargo temperature", "unit": "°F", "precision": 0, "chart": "cargo"}""";
    private static final String HOSTILE_LABEL = "<img src=x onerror=\"window.pwned=1\">Engine";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyoneReadsTheBuiltInEntriesAndTheUnits() {
        String viewer = "Bearer " + createKey(adminKey(), "VIEWER");
        Response catalogue = as(viewer).get(CATALOGUE);
        assertThat(catalogue.status()).isEqualTo(200);
        JsonNode temp = entry(catalogue.json(), "reefer", "temp");
        assertThat(temp.get("label").stringValue()).isEqualTo("Box temperature");
        assertThat(temp.get("unit").stringValue()).isEqualTo("°C");
        assertThat(temp.get("precision").intValue()).isEqualTo(1);
        assertThat(temp.get("source").stringValue()).isEqualTo("DEFAULT");
        assertThat(entry(catalogue.json(), "reefer", "compressorTemp").get("chart").stringValue())
                .isNotEqualTo(temp.get("chart").stringValue());
        assertThat(entry(catalogue.json(), "reefer", "door").get("states").get("closed").stringValue()).isEqualTo("closed");
        assertThat(entry(catalogue.json(), "*", "humidity").get("unit").stringValue()).isEqualTo("%");
        assertThat(catalogue.json().get("units").propertyNames()).contains("°C", "km/h", "rpm", "%", "V", "bar", "°");
        assertThat(as(null).get(CATALOGUE).status()).isEqualTo(401);
    }

    @Test
    void aTenantOverridesAnEntryOnlyForItselfAndDeletingItRestoresTheDefault() {
        String admin = "Bearer " + createKey(newTenant().credentials(), "ADMIN");
        String other = "Bearer " + createKey(newTenant().credentials(), "ADMIN");

        Response put = as(admin).send("PUT", CATALOGUE + "/reefer/temp", CARGO, MediaType.APPLICATION_JSON);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("source").stringValue()).isEqualTo("TENANT");
        JsonNode own = entry(as(admin).get(CATALOGUE).json(), "reefer", "temp");
        assertThat(own.get("label").stringValue()).isEqualTo("Cargo temperature");
        assertThat(own.get("unit").stringValue()).isEqualTo("°F");
        assertThat(entry(as(other).get(CATALOGUE).json(), "reefer", "temp").get("label").stringValue())
                .as("another tenant keeps the default").isEqualTo("Box temperature");
        assertThat(entry(get(CATALOGUE).json(), "reefer", "temp").get("source").stringValue()).isEqualTo("DEFAULT");
        assertThat(as(other).send("DELETE", CATALOGUE + "/reefer/temp", null, null).status())
                .as("another tenant cannot remove it").isEqualTo(404);

        Response added = as(admin).send("PUT", CATALOGUE + "/io.can/din1", """
                {"label": "Tail lift", "states": {"0": "down", "1": "up"}}""", MediaType.APPLICATION_JSON);
        assertThat(added.status()).isEqualTo(200);
        assertThat(entry(as(admin).get(CATALOGUE).json(), "io.can", "din1").get("states").get("1").stringValue()).isEqualTo("up");
        assertThat(entry(as(other).get(CATALOGUE).json(), "io.can", "din1")).isNull();

        assertThat(as(admin).send("PUT", CATALOGUE + "/*/humidity", """
                {"label": "Air humidity", "unit": "%", "precision": 1}""", MediaType.APPLICATION_JSON).status()).isEqualTo(200);
        assertThat(entry(as(admin).get(CATALOGUE).json(), "*", "humidity").get("label").stringValue()).isEqualTo("Air humidity");

        assertThat(as(admin).send("DELETE", CATALOGUE + "/reefer/temp", null, null).status()).isEqualTo(204);
        assertThat(entry(as(admin).get(CATALOGUE).json(), "reefer", "temp").get("label").stringValue()).isEqualTo("Box temperature");
        Response again = as(admin).send("DELETE", CATALOGUE + "/reefer/temp", null, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownUnitIsUnprocessableAndMalformedEntriesAreBadRequests() {
        String admin = "Bearer " + createKey(newTenant().credentials(), "ADMIN");
        Response unit = as(admin).send("PUT", CATALOGUE + "/reefer/temp", """
                {"label": "Temp", "unit": "degC"}""", MediaType.APPLICATION_JSON);
        assertThat(unit.status()).isEqualTo(422);
        assertThat(unit.contentType()).startsWith("application/problem+json");
        assertThat(unit.json().get("title").stringValue()).isEqualTo("Unknown unit");
        assertThat(unit.json().get("units").toString()).contains("\"°C\"");

        for (String path : new String[] {"/Reefer/temp", "/reefer/te%20mp", "/%3Cscript%3E/temp", "/reefer/temp.c",
                "/a.b.c.d.e/temp", "/reefer..x/temp"}) {
            Response refused = as(admin).send("PUT", CATALOGUE + path, CARGO, MediaType.APPLICATION_JSON);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
        }
        for (String body : new String[] {"{}", "{\"label\": \"\"}", "{\"label\": \"a\\u0000b\"}", "{\"label\": \"\\u202Eevil\"}",
                "{\"label\": \"T\", \"precision\": 9}", "{\"label\": \"T\", \"chart\": \"Two Words\"}",
                "{\"label\": \"T\", \"states\": {}}", "{\"label\": \"T\", \"states\": {\"1\": \"\\u0007\"}}", "[]"}) {
            Response refused = as(admin).send("PUT", CATALOGUE + "/reefer/temp", body, MediaType.APPLICATION_JSON);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(entry(as(admin).get(CATALOGUE).json(), "reefer", "temp").get("source").stringValue()).isEqualTo("DEFAULT");
    }

    @Test
    void onlyAnAdministratorChangesTheCatalogue() {
        String viewer = "Bearer " + createKey(adminKey(), "VIEWER");
        String operator = "Bearer " + createKey(adminKey(), "OPERATOR");
        String path = CATALOGUE + "/reefer/" + uniqueId("roles");
        assertThat(as(viewer).send("PUT", path, CARGO, MediaType.APPLICATION_JSON).status()).isEqualTo(403);
        assertThat(as(operator).send("PUT", path, CARGO, MediaType.APPLICATION_JSON).status()).isEqualTo(403);
        assertThat(as(null).send("PUT", path, CARGO, MediaType.APPLICATION_JSON).status()).isEqualTo(401);
        assertThat(send("PUT", path, CARGO, MediaType.APPLICATION_JSON).status()).isEqualTo(200);
        assertThat(as(viewer).send("DELETE", path, null, null).status()).isEqualTo(403);
        assertThat(as(operator).send("DELETE", path, null, null).status()).isEqualTo(403);
        assertThat(delete(path).status()).isEqualTo(204);
    }

    @Test
    void aHostileLabelIsStoredAsTextAndTheDevicePageShowsItEscapedWithFormattedValues() throws Exception {
        Tenant tenant = newTenant();
        String admin = "Bearer " + createKey(tenant.credentials(), "ADMIN");
        Response put = as(admin).send("PUT", CATALOGUE + "/engine/rpm", """
                {"label": "%s", "unit": "rpm", "precision": 0}""".formatted(HOSTILE_LABEL.replace("\"", "\\\"")),
                MediaType.APPLICATION_JSON);
        assertThat(put.status()).isEqualTo(200);
        assertThat(entry(as(admin).get(CATALOGUE).json(), "engine", "rpm").get("label").stringValue()).isEqualTo(HOSTILE_LABEL);

        String device = uniqueId("catalogue");
        jdbc.update("INSERT INTO devices (tenant_id, id, name, kind) VALUES (?, ?, 'Catalogue truck', 'reefer-truck')",
                tenant.id(), device);
        String ts = Instant.now().toString();
        jdbc.update("INSERT INTO device_state (tenant_id, device_id, last_seen, last_values) VALUES (?, ?, now(), ?::jsonb)",
                tenant.id(), device, """
                        {"engine": {"ts": "%1$s", "metrics": {"rpm": 2424}},
                         "reefer": {"ts": "%1$s", "metrics": {"temp": -17.66, "door": "closed", "mystery": 0.123456}}}"""
                        .formatted(ts));
        String page = new FormSession(baseUrl()).logIn(tenant.administrator(), "tenant-admin-password")
                .page("/devices/" + device).body();

        assertThat(page).contains("&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;Engine").doesNotContain("<img src=x");
        assertThat(page).containsPattern("2[,.\u00a0\u202f]?424 rpm").containsPattern("-17[.,]7 °C")
                .contains(">Box temperature<", ">Door<", ">closed<", ">mystery<", ">0.123456<")
                .contains("datetime=\"" + ts + "\"");
    }

    /** The entry for channel and metric, or null. */
    private static JsonNode entry(JsonNode catalogue, String channel, String metric) {
        return StreamSupport.stream(catalogue.get("entries").spliterator(), false)
                .filter(e -> e.get("channel").stringValue().equals(channel) && e.get("metric").stringValue().equals(metric))
                .findFirst().orElse(null);
    }
}
