package io.fleetmesh.api.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A tenant's geofence: its name, its shape (JSON, see {@link GeofenceShape}), and on what it alerts. */
@Entity
@Table(name = "geofences")
class GeofenceDefinition {

    enum AlertOn { ENTER, EXIT, BOTH }

    @Id
    private UUID id;
    private UUID tenantId;
    private String name;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String shape;
    @Enumerated(EnumType.STRING)
    private AlertOn alertOn;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private Instant createdAt;
    @Version
    private Long version;
    /** Parsed once per loaded entity: the watch tests every position against it. */
    @Transient
    private Geofence parsed;

    protected GeofenceDefinition() {
    }

    GeofenceDefinition(UUID tenantId, NewGeofence request, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.createdAt = now;
        apply(request);
    }

    void apply(NewGeofence request) {
        this.name = request.name();
        this.shape = GeofenceShape.json(request.shape());
        this.parsed = null;
        this.alertOn = request.alertOn();
        this.severity = request.severityOrDefault();
    }

    Geofence geofence() {
        if (parsed == null) {
            parsed = GeofenceShape.parse(shape).geofence();
        }
        return parsed;
    }

    boolean alertsOn(boolean entered) {
        return alertOn == AlertOn.BOTH || (entered ? alertOn == AlertOn.ENTER : alertOn == AlertOn.EXIT);
    }

    GeofenceView view() {
        return new GeofenceView(id, name, GeofenceShape.parse(shape), alertOn, severity, createdAt);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Severity severity() {
        return severity;
    }
}
