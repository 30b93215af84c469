package io.fleetmesh.api.credentials;

import io.fleetmesh.api.mesh.AccountRevocations;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every device key ever revoked in a tenant, also of deleted devices: the tenant's account JWT carries them all. */
@Component
class RevokedKeys implements AccountRevocations {

    private final JdbcTemplate jdbc;

    RevokedKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks every live key of the device revoked; how many were. */
    int revokeAll(UUID tenant, String device) {
        return jdbc.update("UPDATE device_credentials SET revoked_at = now() WHERE tenant_id = ? AND device_id = ?"
                + " AND revoked_at IS NULL", tenant, device);
    }

    @Override
    public Map<String, Long> of(UUID tenant) {
        // + 1 s: the server refuses JWTs issued before the revocation time; one issued in its very second too.
        return jdbc.queryForList("SELECT user_key, extract(epoch FROM revoked_at)::bigint + 1 AS at FROM device_credentials"
                + " WHERE tenant_id = ? AND revoked_at IS NOT NULL", tenant).stream()
                .collect(Collectors.toMap(row -> (String) row.get("user_key"), row -> ((Number) row.get("at")).longValue()));
    }
}
