package io.fleetmesh.api;

import io.fleetmesh.api.IntegrationTest.Client;
import io.fleetmesh.api.IntegrationTest.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fuzzer's own tenant with one of everything in it, so that generated ids sometimes find something. A tenant
 * of its own: what the fuzzer creates (devices, rules, webhooks, fan-outs by tag) must not reach other tests' data.
 */
final class FuzzFixtures {

    private static final String OPERATOR_PASSWORD = "fuzz operator password";
    private static final String COMMAND = "{\"type\": \"ping\"}";

    private FuzzFixtures() {
    }

    /**
     * @param adminKey   the ADMIN API key most requests carry
     * @param adminKeyId its id: revoking it would lock the fuzzer out
     * @param operator   Basic credentials of a VIEWER operator, for the operations on one's own account
     * @param tenantAdmin the tenant administrator's username, a real account for wrong passwords
     */
    record Fixtures(String adminKey, String adminKeyId, String operator, String tenantAdmin, List<String> knownIds) {

        /** Missing, malformed or wrong credentials: each must get 401, never 5xx. */
        String brokenAuthorization(SplittableRandom random) {
            String token = adminKey.substring("Bearer ".length());
            List<String> broken = Arrays.asList(null, "", "Bearer", "Bearer ", "Bearer garbage", adminKey + "x",
                    adminKey.substring(0, adminKey.length() - 1), "Bearer " + token.toUpperCase(),
                    "Bearer " + token.substring(0, 17) + "0".repeat(64), "Bearer fmk_" + "0".repeat(12) + "_" + "0".repeat(64),
                    "Bearer " + "A".repeat(5000), "Bearer\u00e9\u00ff", "Basic", "Basic !!!", "Basic ====",
                    basic("fuzz-nobody", "wrong"), basic(tenantAdmin, "wrong password"), basic(tenantAdmin, "p".repeat(100)),
                    basic("no-colon"), basic(":"), basic("a\u0000b:c"), basic("x".repeat(3000) + ":y"),
                    basic("\u202Eadmin\uD83D\uDE9A:pw"), "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', (byte) 0xc0}),
                    "Digest username=\"x\"", "Negotiate YII=", "Bearer\tabc", "Token abc");
            return broken.get(random.nextInt(broken.size()));
        }

        private static String basic(String userAndPassword) {
            return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
        }

        private static String basic(String username, String password) {
            return basic(username + ":" + password);
        }
    }

    /** Creates the fixtures through the API as the tenant's administrator (an alert, which only devices raise, in SQL). */
    static Fixtures create(IntegrationTest.Tenant tenant, Function<String, Client> as, JdbcTemplate jdbc) {
        Response key = created(as.apply(tenant.credentials()), "/api/v1/api-keys",
                "{\"name\": \"fuzzer\", \"role\": \"ADMIN\", \"validFor\": \"P1D\"}");
        String adminKey = "Bearer " + key.json().get("token").stringValue();
        Client admin = as.apply(adminKey);
        String device = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        created(admin, "/api/v1/devices", "{\"id\": \"%s\", \"name\": \"Fuzz\", \"kind\": \"van\", \"tags\": [\"fuzz\"]}"
                .formatted(device));
        created(admin, "/api/v1/rules", "{\"key\": \"fuzz-rule\", \"expression\": \"reefer.temp > 40\"}");
        String operator = "fuzz-self-" + UUID.randomUUID().toString().substring(0, 8);
        created(admin, "/api/v1/operators", "{\"username\": \"%s\", \"password\": \"%s\", \"role\": \"VIEWER\"}"
                .formatted(operator, OPERATOR_PASSWORD));
        List<String> ids = List.of(device, "fuzz-rule", "reefer", id(created(admin, "/api/v1/devices/" + device + "/commands", COMMAND)),
                id(created(admin, "/api/v1/fanouts", "{\"devices\": [\"%s\"], \"command\": %s}".formatted(device, COMMAND))),
                id(created(admin, "/api/v1/geofences", "{\"name\": \"Fuzz\", \"alertOn\": \"BOTH\","
                        + " \"shape\": {\"circle\": {\"lat\": 52.5, \"lon\": 13.4, \"radiusMeters\": 100}}}")),
                id(created(admin, "/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"alert\", \"command\"]}")),
                created(admin, "/api/v1/api-keys", "{\"name\": \"fuzz viewer\", \"role\": \"VIEWER\", \"validFor\": \"P1D\"}")
                        .json().get("key").get("id").stringValue(),
                deviceImport(admin), alert(jdbc, tenant, device));
        return new Fixtures(adminKey, key.json().get("key").get("id").stringValue(),
                IntegrationTest.basic(operator, OPERATOR_PASSWORD), tenant.administrator(), ids);
    }

    private static String deviceImport(Client admin) {
        Response started = admin.send("POST", "/api/v1/device-imports", "id,name,kind\nfuzz-import,Imported,van\n",
                MediaType.valueOf("text/csv"));
        return id(check(started));
    }

    private static String alert(JdbcTemplate jdbc, IntegrationTest.Tenant tenant, String device) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO alerts (id, tenant_id, device_id, rule_id, source, severity, state, message,"
                + " first_raised_at, last_raised_at, count, backfilled) VALUES (?::uuid, ?, ?, 'fuzz-rule', 'CLOUD',"
                + " 'WARNING', 'ACTIVE', 'fuzz', now(), now(), 1, false)", id, tenant.id(), device);
        return id;
    }

    private static Response created(Client client, String path, String body) {
        return check(client.send("POST", path, body, MediaType.APPLICATION_JSON));
    }

    private static Response check(Response response) {
        if (response.status() >= 300) {
            throw new IllegalStateException("fixture not created: " + response);
        }
        return response;
    }

    private static String id(Response response) {
        return response.json().get("id").stringValue();
    }
}
