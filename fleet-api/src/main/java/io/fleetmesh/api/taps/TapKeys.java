package io.fleetmesh.api.taps;

import io.fleetmesh.api.mesh.AccountRevocations;
import io.fleetmesh.api.mesh.HubStreams;
import io.fleetmesh.api.mesh.MeshJwts;
import io.fleetmesh.api.mesh.MeshKeys;
import io.nats.client.NKey;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Taps' NATS users, signed with the tenant's account key and allowed exactly their tap's consumer (ADR 0015). Only
 * public keys are kept. The account refuses revoked keys (a deleted tap's, a rotated one's) and, while a tap is
 * paused, its live ones: the hub closes the reader's connection, and resuming lifts that without new credentials.
 */
@Component
class TapKeys implements AccountRevocations {

    private static final SecureRandom random = new SecureRandom();

    private final MeshKeys keys;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    TapKeys(MeshKeys keys, JdbcTemplate jdbc, Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A {@code .creds} file for a new reader of the tap; its key is recorded, its seed is not. */
    String issue(Tap tap) {
        NKey user = newUser();
        String key = MeshJwts.publicKey(user);
        String jwt = signed(tap, key);
        jdbc.update("INSERT INTO tap_credentials (user_key, tenant_id, tap_name, issued_at) VALUES (?, ?, ?, ?)", key,
                tap.tenant(), tap.name(), Timestamp.from(clock.instant()));
        return MeshJwts.creds(jwt, user);
    }

    private static NKey newUser() {
        try {
            return NKey.createUser(random);
        } catch (Exception e) {
            throw new IllegalStateException("no NKey could be made", e);
        }
    }

    private String signed(Tap tap, String key) {
        MeshJwts.Permissions permissions = MeshJwts.Permissions.tapReader(tap.stream(), tap.consumer(),
                HubStreams.tapInbox(tap.name()));
        try {
            return MeshJwts.user(keys.account(tap.tenant()).orElseThrow(), key, tap.consumer(), permissions);
        } catch (Exception e) {
            throw new IllegalStateException("the tap's user could not be signed", e);
        }
    }

    /** Revokes every live key of the tap, for good; how many. */
    int revokeAll(UUID tenant, String tap) {
        return jdbc.update("UPDATE tap_credentials SET revoked_at = ? WHERE tenant_id = ? AND tap_name = ?"
                + " AND revoked_at IS NULL", Timestamp.from(clock.instant()), tenant, tap);
    }

    @Override
    public Map<String, Long> of(UUID tenant) {
        // + 1 s: the server refuses JWTs issued before the revocation time; one issued in its very second too. A key
        // issued while its tap is paused is refused from its issue.
        return jdbc.queryForList("SELECT c.user_key, extract(epoch FROM coalesce(c.revoked_at,"
                        + " greatest(t.paused_at, c.issued_at)))::bigint + 1"
                        + " AS at FROM tap_credentials c LEFT JOIN taps t ON t.tenant_id = c.tenant_id AND t.name = c.tap_name"
                        + " WHERE c.tenant_id = ? AND (c.revoked_at IS NOT NULL OR t.paused_at IS NOT NULL)", tenant)
                .stream().collect(Collectors.toMap(row -> (String) row.get("user_key"),
                        row -> ((Number) row.get("at")).longValue()));
    }
}
