package io.fleetmesh.api.alerts;

import io.fleetmesh.api.refusals.Conflict;
import io.fleetmesh.api.web.KeysetCursor;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** An alert on one device for one rule; its state changes only through {@link #acknowledge} and {@link #resolve}. */
@Entity
@Table(name = "alerts")
class Alert {

    @Id
    private UUID id;
    private UUID tenantId;
    private String deviceId;
    private String ruleId;
    @Enumerated(EnumType.STRING)
    private AlertSource source;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Enumerated(EnumType.STRING)
    private AlertState state;
    private String message;
    private String metric;
    private Double value;
    private Double threshold;
    private Instant firstRaisedAt;
    private Instant lastRaisedAt;
    private int count;
    private String edgeAlertId;
    private boolean backfilled;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private String acknowledgeNote;
    private String resolvedBy;
    private Instant resolvedAt;
    private String resolveNote;
    @Version
    private Long version;

    protected Alert() {
    }

    Alert(AlertRaise raise) {
        this.id = UUID.randomUUID();
        this.tenantId = raise.tenantId();
        this.deviceId = raise.deviceId();
        this.ruleId = raise.ruleId();
        this.source = raise.source();
        this.severity = raise.severity();
        this.state = AlertState.ACTIVE;
        this.firstRaisedAt = raise.at();
        this.lastRaisedAt = raise.at();
        this.count = 1;
        this.edgeAlertId = raise.edgeAlertId();
        this.backfilled = raise.backfilled();
        describe(raise);
    }

    /** The condition occurred again while this alert is open: counted, and the newest occurrence described. */
    void again(AlertRaise raise) {
        count++;
        if (raise.at().isAfter(lastRaisedAt)) {
            lastRaisedAt = raise.at();
            severity = raise.severity();
            describe(raise);
        }
        firstRaisedAt = raise.at().isBefore(firstRaisedAt) ? raise.at() : firstRaisedAt;
    }

    private void describe(AlertRaise raise) {
        this.message = raise.message();
        this.metric = raise.metric();
        this.value = raise.value();
        this.threshold = raise.threshold();
    }

    void acknowledge(String by, Instant at, String note) {
        if (state != AlertState.ACTIVE) {
            throw conflict("acknowledged");
        }
        state = AlertState.ACKNOWLEDGED;
        acknowledgedBy = by;
        acknowledgedAt = at;
        acknowledgeNote = note;
    }

    void resolve(String by, Instant at, String note) {
        if (state == AlertState.RESOLVED) {
            throw conflict("resolved");
        }
        state = AlertState.RESOLVED;
        resolvedBy = by;
        resolvedAt = at;
        resolveNote = note;
    }

    private Conflict conflict(String what) {
        return new Conflict("An alert that is " + state + " cannot be " + what + ".");
    }

    AlertView view() {
        return new AlertView(id, deviceId, ruleId, source, severity, state, message, metric, value, threshold,
                firstRaisedAt, lastRaisedAt, count, edgeAlertId, backfilled,
                acknowledgedBy == null ? null : new AlertView.Handling(acknowledgedBy, acknowledgedAt, acknowledgeNote),
                resolvedBy == null ? null : new AlertView.Handling(resolvedBy, resolvedAt, resolveNote));
    }

    AlertEvents.AlertChanged changed() {
        return new AlertEvents.AlertChanged(tenantId, id, deviceId, ruleId, severity, state, count, lastRaisedAt, message);
    }

    Instant lastRaisedAt() {
        return lastRaisedAt;
    }

    UUID id() {
        return id;
    }

    KeysetCursor position() {
        return new KeysetCursor(lastRaisedAt, id);
    }
}
