package io.fleetmesh.api.operators;

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

/** A person who logs into the dashboard; the password is kept only as a hash. */
@Entity
@Table(name = "operators")
class Operator {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "password_change_required")
    private boolean passwordChangeRequired;

    private String email;

    private String language = "en";

    @Column(name = "time_zone")
    private String timeZone = "UTC";

    protected Operator() {
    }

    Operator(UUID tenantId, String username, String passwordHash, Role role, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
    }

    UUID tenantId() {
        return tenantId;
    }

    Caller caller() {
        return new Caller(tenantId, username, role);
    }

    String passwordHash() {
        return passwordHash;
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = false;
    }

    void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /** Where and how the operator is told of events (notifications); the change is checked by the caller. */
    void changeContact(ContactChange change) {
        this.email = change.email();
        this.language = change.language();
        this.timeZone = change.zone();
    }

    OperatorContact contact() {
        return new OperatorContact(id, username, email, language, timeZone);
    }

    OperatorView view() {
        return new OperatorView(id, username, role, createdAt, email, language, timeZone);
    }
}
