package io.fleetmesh.api.apikeys;

import io.fleetmesh.api.identity.Caller;
import io.fleetmesh.api.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A dispatch system's key: one tenant, one role, an expiry; revocable; its secret only as a hash. */
@Entity
@Table(name = "api_keys")
class ApiKey {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String name;

    private String prefix;

    @Column(name = "secret_hash")
    private byte[] secretHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ApiKey() {
    }

    ApiKey(UUID tenantId, NewApiKey request, ApiKeyToken token, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = request.name();
        this.prefix = token.prefix();
        this.secretHash = token.secretHash();
        this.role = request.role();
        this.expiresAt = now.plus(request.validFor());
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** The caller this key stands for, if the token is its own and it is neither expired nor revoked. */
    boolean accepts(ApiKeyToken token, Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && token.matches(secretHash);
    }

    Caller caller() {
        return new Caller(tenantId, "key:" + prefix, role);
    }

    /** Guarded: revoking twice keeps the first time. */
    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    UUID tenantId() {
        return tenantId;
    }

    ApiKeyView view() {
        return new ApiKeyView(id, name, prefix, role, createdAt, expiresAt, revokedAt, createdBy);
    }
}
