package io.fleetmesh.api.commands;

import io.fleetmesh.protocol.CommandMessage;
import io.fleetmesh.protocol.Subjects;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.fleetmesh.api.web.KeysetCursor;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import tools.jackson.databind.json.JsonMapper;

/** A command to one device and its lifecycle; every change of state goes through {@link #transition}. */
@Entity
@Table(name = "commands")
class Command {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Id
    private UUID id;
    private UUID tenantId;
    private String deviceId;
    private String type;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String params;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> preconditions;
    @Enumerated(EnumType.STRING)
    private CommandState state;
    @Enumerated(EnumType.STRING)
    private CommandSource decidedBy;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant updatedAt;
    private String createdBy;
    private String idempotencyKey;
    private String requestHash;
    private UUID fanoutId;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String result;
    @Column(length = 1000)
    private String reason;
    private Long hubSeq;
    private Instant holdUntil;
    @Version
    private Long version;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "command_transitions", joinColumns = @JoinColumn(name = "command_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 100)
    private List<CommandTransition> transitions = new ArrayList<>();

    protected Command() {
    }

    Command(UUID tenantId, String deviceId, CommandRequest request, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.deviceId = deviceId;
        this.type = request.type();
        this.params = request.paramsJson();
        this.preconditions = request.preconditions();
        this.createdAt = now;
        this.expiresAt = now.plus(request.ttl());
        this.createdBy = request.by();
        this.idempotencyKey = request.idempotencyKey();
        this.requestHash = request.hash();
        this.fanoutId = request.fanoutId();
        record(CommandState.QUEUED, now, CommandSource.CLOUD, "created by " + request.by());
    }

    /** Applies the transition if the lifecycle allows it; a refused one leaves the command as it was. */
    CommandLifecycle.Outcome transition(CommandState to, Instant at, CommandSource source, String detail) {
        CommandLifecycle.Outcome outcome = CommandLifecycle.check(state, decidedBy, to, source);
        if (outcome == CommandLifecycle.Outcome.APPLIED) {
            record(to, at, source, detail);
        }
        return outcome;
    }

    /** The truck's answer: its result (JSON) or its reason, kept beside the final state. */
    void answered(String resultJson, String why) {
        this.result = resultJson;
        this.reason = why;
    }

    void sent(long streamSeq, Instant at) {
        if (transition(CommandState.SENT, at, CommandSource.CLOUD, "on the hub") == CommandLifecycle.Outcome.APPLIED) {
            this.hubSeq = streamSeq;
        }
    }

    private void record(CommandState to, Instant at, CommandSource source, String detail) {
        this.state = to;
        this.decidedBy = source;
        this.updatedAt = at;
        transitions.add(new CommandTransition(to, at, source, detail));
    }

    /** A synchronous command is tried by request first; the dispatcher waits until then. */
    void holdUntil(Instant until) {
        this.holdUntil = until;
    }

    void release() {
        this.holdUntil = null;
    }

    CommandEvents.CommandTransitioned transitioned() {
        return new CommandEvents.CommandTransitioned(tenantId, id, deviceId, type, state, decidedBy, updatedAt);
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    boolean matches(String hash) {
        return hash.equals(requestHash);
    }

    /** What goes to the truck (DESIGN §2): {@code {"id", "type", "params", "expiresAt", "preconditions"}}. */
    CommandMessage message() {
        return new CommandMessage(id.toString(), type, json.readTree(params), expiresAt, preconditions);
    }

    String subject() {
        return Subjects.command(deviceId, type);
    }

    CommandView view() {
        return new CommandView(id, deviceId, type, json.readTree(params), preconditions, state, createdAt, expiresAt,
                updatedAt, createdBy, result == null ? null : json.readTree(result), reason, fanoutId,
                transitions.stream().map(CommandTransition::view).toList());
    }

    KeysetCursor position() {
        return new KeysetCursor(createdAt, id);
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String deviceId() {
        return deviceId;
    }

    CommandState state() {
        return state;
    }

    Long hubSeq() {
        return hubSeq;
    }
}
