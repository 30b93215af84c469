package io.fleetmesh.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetmesh.api.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** GET /api/v1/events streams the tenant's command transitions and alerts as server-sent events. */
class EventStreamTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private PasswordEncoder passwords;

    @Test
    void commandTransitionsAndAlertsArriveAsServerSentEventsOfTheirTenantOnly() throws Exception {
        List<String> lines = stream(adminKey());
        List<String> otherTenant = stream("Bearer " + createKey(otherTenantAdministrator(), "VIEWER"));

        String device = uniqueId("live");
        createDevice(device);
        String command = postJson("/api/v1/devices/%s/commands".formatted(device), "{\"type\": \"ping\"}")
                .json().get("id").stringValue();
        nats.jetStream().publish("fleet.%s.events.alert".formatted(device), ("{\"alertId\": \"live-1\", \"ruleId\": \"door\","
                + " \"state\": \"RAISED\", \"severity\": \"INFO\", \"ts\": \"%s\", \"message\": \"door open\"}")
                .formatted(Instant.now()).getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(line -> line.startsWith("data:")
                && line.contains(command) && line.contains("\"SENT\"")));
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(line -> line.startsWith("data:")
                && line.contains(device) && line.contains("\"ruleId\":\"door\"")));
        assertThat(lines).contains("event:command", "event:alert");
        assertThat(otherTenant).containsExactly(":connected", "");
    }

    private List<String> stream(String authorization) throws Exception {
        return streamLines("/api/v1/events", authorization, ":connected");
    }

    private String otherTenantAdministrator() {
        UUID tenant = UUID.randomUUID();
        String slug = "events-" + tenant.toString().substring(0, 8);
        jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, ?)", tenant, slug, slug);
        jdbc.update("INSERT INTO operators (id, tenant_id, username, password_hash, role) VALUES (?, ?, ?, ?, 'ADMIN')",
                UUID.randomUUID(), tenant, "admin-" + slug, passwords.encode("events-tenant-password"));
        return basic("admin-" + slug, "events-tenant-password");
    }
}
