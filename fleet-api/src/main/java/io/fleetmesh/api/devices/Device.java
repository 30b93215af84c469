package io.fleetmesh.api.devices;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "devices")
@IdClass(DeviceKey.class)
class Device {

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Id
    private String id;

    private String name;

    private String kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> tags;

    @Enumerated(EnumType.STRING)
    @Column(name = "credentials_state")
    private CredentialsState credentialsState;

    @Column(name = "credentials_changed_at")
    private Instant credentialsChangedAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** Null until persisted, which also tells Spring Data to insert rather than merge. */
    @Version
    private Long version;

    protected Device() {
    }

    Device(UUID tenantId, String id, DeviceDetails details, Instant now) {
        this.tenantId = tenantId;
        this.id = id;
        this.credentialsState = CredentialsState.NONE;
        this.createdAt = now;
        apply(details, now);
    }

    void apply(DeviceDetails details, Instant now) {
        this.name = details.name();
        this.kind = details.kind();
        this.tags = List.copyOf(details.tagsOrEmpty());
        this.updatedAt = now;
    }

    void credentialsIssued(Instant at) {
        credentialsState = CredentialsState.ISSUED;
        credentialsChangedAt = at;
    }

    void credentialsRevoked(Instant at) {
        credentialsState = CredentialsState.REVOKED;
        credentialsChangedAt = at;
    }

    DeviceView view() {
        return new DeviceView(id, name, kind, tags, credentialsState.name(), credentialsChangedAt, createdAt, updatedAt);
    }

    String id() {
        return id;
    }

    List<String> tags() {
        return tags;
    }
}
