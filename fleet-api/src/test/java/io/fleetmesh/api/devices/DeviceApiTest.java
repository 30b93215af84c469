package io.fleetmesh.api.devices;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetmesh.api.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class DeviceApiTest extends IntegrationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createsReadsUpdatesAndDeletesADevice() {
        String id = uniqueId("truck");
        Response created = postJson("/api/v1/devices", """
                {"id": "%s", "name": "Reefer 7", "kind": "reefer-truck", "tags": ["north", "cold-chain"]}""".formatted(id));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).hasPath("/api/v1/devices/" + id);
        assertThat(created.json().get("tags").toString()).isEqualTo("[\"north\",\"cold-chain\"]");

        assertThat(get("/api/v1/devices/" + id).json().get("name").stringValue()).isEqualTo("Reefer 7");

        Response updated = send("PUT", "/api/v1/devices/" + id,
                "{\"name\": \"Reefer 7b\", \"kind\": \"van\", \"tags\": []}", MediaType.APPLICATION_JSON);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(get("/api/v1/devices/" + id).json().get("kind").stringValue()).isEqualTo("van");

        assertThat(delete("/api/v1/devices/" + id).status()).isEqualTo(204);
        Response gone = get("/api/v1/devices/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith(PROBLEM);
        assertThat(gone.json().get("title").stringValue()).isEqualTo("Device not found");
    }

    @Test
    void refusesADuplicateIdWithConflict() {
        String id = uniqueId("dup");
        createDevice(id);
        Response again = postJson("/api/v1/devices", "{\"id\": \"%s\", \"name\": \"x\", \"kind\": \"van\"}".formatted(id));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith(PROBLEM);
        assertThat(again.json().get("deviceId").stringValue()).isEqualTo(id);
    }

    @Test
    void validatesTheDeviceIdAndFieldsWithProblemDetails() {
        Response invalid = postJson("/api/v1/devices", """
                {"id": "Truck_7!", "name": "", "kind": "reefer truck", "tags": ["ok", "no spaces"]}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith(PROBLEM);
        List<String> fields = invalid.json().get("errors").valueStream().map(e -> e.get("field").stringValue()).toList();
        assertThat(fields).containsExactlyInAnyOrder("id", "name", "kind", "tags[1]");

        String tooLong = "a".repeat(65);
        assertThat(postJson("/api/v1/devices", "{\"id\": \"%s\", \"name\": \"n\", \"kind\": \"van\"}".formatted(tooLong))
                .status()).isEqualTo(400);
    }

    @Test
    void answersMalformedJsonWrongContentTypeAndBadParametersWithProblemDetails() {
        Response malformed = postJson("/api/v1/devices", "{\"id\": \"x\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith(PROBLEM);

        Response wrongType = send("POST", "/api/v1/devices", "id=x", MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith(PROBLEM);

        Response badLimit = get("/api/v1/devices?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("errors").get(0).get("field").stringValue()).isEqualTo("limit");

        assertThat(get("/api/v1/devices?cursor=%25%25%25").status()).isEqualTo(400);
        assertThat(get("/api/v1/nothing-here").status()).isEqualTo(404);

        for (Response response : List.of(malformed, wrongType, badLimit)) {
            assertThat(response.body()).doesNotContain("Exception", "at io.", "at org.", "SQL", "jackson");
        }
    }

    @Test
    void filtersByKindTagAndName() {
        String tag = uniqueId("filter");
        postJson("/api/v1/devices", "{\"id\": \"%s\", \"name\": \"Cold One\", \"kind\": \"reefer-truck\", \"tags\": [\"%s\"]}"
                .formatted(uniqueId("f"), tag));
        postJson("/api/v1/devices", "{\"id\": \"%s\", \"name\": \"Van Two\", \"kind\": \"van\", \"tags\": [\"%s\"]}"
                .formatted(uniqueId("f"), tag));

        assertThat(names("/api/v1/devices?tag=" + tag)).containsExactlyInAnyOrder("Cold One", "Van Two");
        assertThat(names("/api/v1/devices?tag=" + tag + "&kind=van")).containsExactly("Van Two");
        assertThat(names("/api/v1/devices?tag=" + tag + "&q=cold")).containsExactly("Cold One");
        assertThat(names("/api/v1/devices?tag=" + tag + "&q=%25")).isEmpty();
    }

    @Test
    void pagesStayStableWhileDevicesAreCreatedAndDeleted() {
        String tag = uniqueId("page");
        List<String> original = IntStream.range(0, 23).mapToObj(i -> "p-%s-%02d".formatted(tag, i)).toList();
        original.forEach(id -> postJson("/api/v1/devices",
                "{\"id\": \"%s\", \"name\": \"n\", \"kind\": \"van\", \"tags\": [\"%s\"]}".formatted(id, tag)));

        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = get("/api/v1/devices?limit=5&tag=" + tag + "&cursor=" + cursor).json();
            page.get("items").forEach(item -> seen.add(item.get("id").stringValue()));
            // Between pages: a device sorting before the cursor is added, and the cursor device itself is deleted.
            postJson("/api/v1/devices", "{\"id\": \"p-%s-0%d-new\", \"name\": \"n\", \"kind\": \"van\", \"tags\": [\"%s\"]}"
                    .formatted(tag, pages, tag));
            delete("/api/v1/devices/" + seen.get(seen.size() - 1));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
            pages++;
        } while (cursor != null);

        assertThat(seen.stream().filter(original::contains).toList()).containsExactlyElementsOf(original);
        assertThat(seen).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void pagesByNameWalkDevicesWithTheSameNameByIdAndRefuseAForeignCursor() {
        String tag = uniqueId("byname");
        List<String> names = List.of("Zulu", "Alpha", "Mike", "Mike", "Bravo", "Mike", "Echo");
        for (int i = 0; i < names.size(); i++) {
            postJson("/api/v1/devices", "{\"id\": \"%s-%d\", \"name\": \"%s\", \"kind\": \"van\", \"tags\": [\"%s\"]}"
                    .formatted(tag, i, names.get(i), tag));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = get("/api/v1/devices?sort=name&limit=2&tag=" + tag + "&cursor=" + cursor).json();
            page.get("items").forEach(item -> seen.add(item.get("name").stringValue() + " " + item.get("id").stringValue()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(Stream.of("Alpha 1", "Bravo 4", "Echo 6", "Mike 2", "Mike 3", "Mike 5",
                "Zulu 0").map(line -> line.replace(" ", " " + tag + "-")).toList());
        String idCursor = get("/api/v1/devices?limit=1&tag=" + tag).json().get("nextCursor").stringValue();
        assertThat(get("/api/v1/devices?sort=name&cursor=" + idCursor).status()).isEqualTo(400);
        assertThat(get("/api/v1/devices?sort=color").status()).isEqualTo(400);
    }

    private List<String> names(String path) {
        Response response = get(path);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items").valueStream().map(item -> item.get("name").stringValue()).toList();
    }
}
