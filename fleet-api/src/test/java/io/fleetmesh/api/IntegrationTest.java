package io.fleetmesh.api;

import io.nats.client.Connection;
import java.net.URI;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** fleet-api on a random port against the shared real PostgreSQL and hub nats-server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    protected static final TestInfrastructure infrastructure = TestInfrastructure.shared();
    protected static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    protected Connection nats;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure.properties(infrastructure.hub()).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** A device id no other test uses. */
    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected Response get(String path) {
        return exchange(client().get().uri(uri(path)).retrieve().onStatus(status -> true, (req, res) -> { })
                .toEntity(String.class));
    }

    protected Response send(String method, String path, String body, MediaType type) {
        return exchange(client().method(HttpMethod.valueOf(method)).uri(uri(path))
                .contentType(type).body(body)
                .retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class));
    }

    protected Response postJson(String path, String body) {
        return send("POST", path, body, MediaType.APPLICATION_JSON);
    }

    protected Response delete(String path) {
        return exchange(client().delete().uri(uri(path)).retrieve().onStatus(status -> true, (req, res) -> { })
                .toEntity(String.class));
    }

    protected void createDevice(String id) {
        Response created = postJson("/api/v1/devices", """
                {"id": "%s", "name": "Truck %s", "kind": "reefer-truck", "tags": ["test"]}""".formatted(id, id));
        if (created.status() != 201) {
            throw new IllegalStateException("device not created: " + created);
        }
    }

    private static Response exchange(ResponseEntity<String> entity) {
        MediaType type = entity.getHeaders().getContentType();
        return new Response(entity.getStatusCode().value(), type == null ? "" : type.toString(),
                entity.getHeaders().getLocation(), entity.getBody() == null ? "" : entity.getBody());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static RestClient client() {
        return RestClient.create();
    }

    /** An HTTP answer: status, content type, Location and body. */
    public record Response(int status, String contentType, URI location, String body) {

        public JsonNode json() {
            return IntegrationTest.json.readTree(body);
        }
    }
}
