package io.fleetmesh.api.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.FormSession;
import io.fleetmesh.api.IntegrationTest;
import io.fleetmesh.api.TestInfrastructure;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Bulk registration from CSV over the API and the dashboard's form: every row's outcome, nothing overwritten, chunks
 * and progress.
 */
class DeviceImportApiTest extends IntegrationTest {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    @Test
    void eachRowIsCreatedOrRefusedWithItsReasonAndATakenIdKeepsItsDevice() {
        String taken = uniqueId("taken");
        createDevice(taken);
        String prefix = uniqueId("csv");
        Response started = send("POST", "/api/v1/device-imports", """
                id,name,kind,tags
                %1$s-a,"Reefer, the first",reefer-truck,north;cold
                %2$s,Would overwrite,van,
                %1$s-b,No kind,,
                %1$s-c,Too,many,fields,here
                """.formatted(prefix, taken), CSV);
        assertThat(started.status()).isEqualTo(202);

        JsonNode done = finished(started.location());
        assertThat(done.get("total").intValue()).isEqualTo(4);
        assertThat(done.get("created").intValue()).isEqualTo(1);
        assertThat(done.get("rows").valueStream().map(row -> row.get("line").longValue() + " " + row.get("created")
                .booleanValue() + " " + row.get("problem").asString()).toList()).containsExactly(
                "2 true ", "3 false a device with this id is already registered",
                "4 false kind: " + DeviceRules.KIND_RULE + "; kind: must not be blank", "5 false expected 4 fields, found 5");
        JsonNode created = get("/api/v1/devices/" + prefix + "-a").json();
        assertThat(created.get("name").stringValue()).isEqualTo("Reefer, the first");
        assertThat(created.get("tags").valueStream().map(JsonNode::stringValue).toList()).containsExactly("north", "cold");
        assertThat(get("/api/v1/devices/" + taken).json().get("name").stringValue()).isEqualTo("Truck " + taken);
    }

    @Test
    void aLargeImportRunsInChunksAndAnUnreadableOneIsAProblem() {
        String prefix = uniqueId("bulk");
        String rows = IntStream.range(0, 1200).mapToObj(i -> prefix + "-" + i + ",Truck " + i + ",reefer-truck,")
                .collect(Collectors.joining("\n"));
        Response started = send("POST", "/api/v1/device-imports", "id,name,kind,tags\n" + rows, CSV);
        JsonNode done = finished(started.location());
        assertThat(done.get("created").intValue()).isEqualTo(1200);
        assertThat(done.get("rows").size()).isEqualTo(1200);

        Response unreadable = send("POST", "/api/v1/device-imports", "name,kind\nx,y\n", CSV);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.contentType()).startsWith("application/problem+json");
        assertThat(unreadable.json().get("detail").stringValue()).contains("id, name, kind");
        assertThat(send("POST", "/api/v1/device-imports", "id,\"name,kind\nx,y\n", CSV).status()).as("unterminated quote")
                .isEqualTo(400);
        Response spreadsheet = send("POST", "/api/v1/device-imports", "\uFEFFid,name,kind\n" + prefix + "-bom,Kühlwagen ❄,van\n",
                MediaType.valueOf("text/csv;charset=UTF-8"));
        assertThat(finished(spreadsheet.location()).get("created").intValue()).as("a byte order mark is no column").isOne();
        assertThat(get("/api/v1/devices/" + prefix + "-bom").json().get("name").stringValue()).isEqualTo("Kühlwagen ❄");
        assertThat(get(started.location().getPath() + "?rows=10").json().get("rows").size()).isEqualTo(10);
        String viewer = "Bearer " + createKey(adminKey(), "VIEWER");
        assertThat(as(viewer).send("POST", "/api/v1/device-imports", "id,name,kind\n", CSV).status()).isEqualTo(403);
        assertThat(as(viewer).get(started.location().getPath()).status()).isEqualTo(200);
    }

    @Test
    void theDashboardsFormImportsAFileAndExplainsAnUnreadableOne() throws Exception {
        String prefix = uniqueId("form-import");
        FormSession operator = new FormSession(baseUrl()).logIn("admin", TestInfrastructure.ADMIN_PASSWORD);
        HttpResponse<String> sent = operator.upload("/imports", Map.of(), "fleet.csv",
                ("id,name,kind\n" + prefix + "-1,Kühlwagen 1,van\n").getBytes(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(302);
        URI progress = URI.create(sent.headers().firstValue("Location").orElseThrow());
        assertThat(progress.getPath()).startsWith("/imports/");
        assertThat(finished(URI.create("/api/v1/device-imports/" + progress.getPath().substring(9))).get("created").intValue())
                .isOne();
        assertThat(get("/api/v1/devices/" + prefix + "-1").json().get("name").stringValue()).isEqualTo("Kühlwagen 1");

        operator.upload("/imports", Map.of(), "fleet.csv", "name,kind\nx,y\n".getBytes(StandardCharsets.UTF_8));
        assertThat(operator.page("/imports").body()).contains("Not imported: ", "id, name, kind");
    }

    private JsonNode finished(URI location) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !get(location.getPath()).json().get("finishedAt").isNull());
        return get(location.getPath()).json();
    }
}
