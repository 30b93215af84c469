package io.fleetmesh.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nats.client.Connection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
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

    private static final String TENANT_ADMIN_PASSWORD = "tenant-admin-password";

    private static String adminKey;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate tenantsJdbc;

    @Autowired
    private PasswordEncoder passwords;

    /** A client of the hub, as devices publish to it (not fleet-api's own connection). */
    protected final Connection nats = infrastructure.client();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure.properties(infrastructure.hub()).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** A device id no other test uses. */
    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An operator's credentials as a script sends them. */
    protected static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Basic credentials of the test database's first administrator (default tenant). */
    protected static String adminBasic() {
        return basic("admin", TestInfrastructure.ADMIN_PASSWORD);
    }

    /** An ADMIN API key of the default tenant, created once per JVM through the API itself. */
    protected String adminKey() {
        if (adminKey == null) {
            adminKey = "Bearer " + createKey(adminBasic(), "ADMIN");
        }
        return adminKey;
    }

    /** Creates an API key with the given role, as the given caller; returns its token. */
    protected String createKey(String authorization, String role) {
        Response created = as(authorization).send("POST", "/api/v1/api-keys", """
                {"name": "test %s key", "role": "%s", "validFor": "P1D"}""".formatted(role, role), MediaType.APPLICATION_JSON);
        if (created.status() != 201) {
            throw new IllegalStateException("API key not created: " + created);
        }
        return created.json().get("token").stringValue();
    }

    /** A new tenant and its first administrator, as a platform operator sets them up (there is no API for it). */
    protected Tenant newTenant() {
        UUID id = UUID.randomUUID();
        String slug = "tenant-" + id.toString().substring(0, 8);
        tenantsJdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)", id, slug, "Tenant " + slug);
        tenantsJdbc.update("INSERT INTO operators (id, tenant_id, username, password_hash, role) VALUES (?, ?, ?, ?, 'ADMIN')",
                UUID.randomUUID(), id, "admin-" + slug, passwords.encode(TENANT_ADMIN_PASSWORD));
        return new Tenant(id, "admin-" + slug, basic("admin-" + slug, TENANT_ADMIN_PASSWORD));
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Requests with this Authorization header (or none, if null). */
    protected Client as(String authorization) {
        return new Client(authorization);
    }

    protected Response get(String path) {
        return as(adminKey()).get(path);
    }

    protected Response send(String method, String path, String body, MediaType type) {
        return as(adminKey()).send(method, path, body, type);
    }

    protected Response postJson(String path, String body) {
        return send("POST", path, body, MediaType.APPLICATION_JSON);
    }

    protected Response delete(String path) {
        return as(adminKey()).send("DELETE", path, null, null);
    }

    /**
     * A server-sent event stream's lines as they arrive, once its first line (a comment the server sends when the
     * client is registered) is there.
     */
    protected List<String> streamLines(String path, String authorization, String firstLine) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", authorization).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(firstLine));
        return lines;
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

    /** One caller's requests. */
    protected final class Client {

        private final String authorization;

        private Client(String authorization) {
            this.authorization = authorization;
        }

        public Response get(String path) {
            return send("GET", path, null, null);
        }

        public Response send(String method, String path, String body, MediaType type) {
            return send(method, path, body, type, null);
        }

        /** A JSON request with an {@code Idempotency-Key}. */
        public Response sendWith(String method, String path, String body, String idempotencyKey) {
            return send(method, path, body, MediaType.APPLICATION_JSON, idempotencyKey);
        }

        private Response send(String method, String path, String body, MediaType type, String idempotencyKey) {
            RestClient.RequestBodySpec request = RestClient.create().method(HttpMethod.valueOf(method))
                    .uri(URI.create(baseUrl() + path));
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (body != null) {
                request.contentType(type).body(body);
            }
            return exchange(request.retrieve().onStatus(status -> true, (req, res) -> { }).toEntity(String.class));
        }
    }

    /** A tenant, its first administrator's username and Basic credentials. */
    public record Tenant(UUID id, String administrator, String credentials) {
    }

    /** An HTTP answer: status, content type, Location and body. */
    public record Response(int status, String contentType, URI location, String body) {

        public JsonNode json() {
            return IntegrationTest.json.readTree(body);
        }
    }
}
