-- Commands to devices and every transition of their lifecycle (ADR 0006). The state machine lives in the
-- application (commands.CommandLifecycle); the check below only keeps the names honest.
CREATE TABLE commands (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    device_id        text        NOT NULL,
    type             text        NOT NULL CHECK (type ~ '^[a-z0-9-]{1,64}$'),
    params           jsonb       NOT NULL DEFAULT '{}',
    preconditions    text[]      NOT NULL DEFAULT '{}',
    state            text        NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'DELIVERED', 'SUCCEEDED', 'FAILED',
                                                           'REJECTED', 'EXPIRED', 'CANCELLED')),
    -- who made the last transition: CLOUD or TRUCK (a truck's report overrides the cloud's presumptions)
    decided_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    idempotency_key  text,
    request_hash     text,
    fanout_id        uuid,
    result           jsonb,
    reason           text,
    -- its sequence in the hub's COMMANDS stream once SENT, to take it back on cancel
    hub_seq          bigint,
    -- a synchronous command (?wait=) is tried by request first; the dispatcher leaves it alone until then
    hold_until       timestamptz,
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT commands_idempotency UNIQUE (tenant_id, idempotency_key)
);

CREATE INDEX commands_device_idx ON commands (tenant_id, device_id, created_at DESC, id);
CREATE INDEX commands_tenant_idx ON commands (tenant_id, created_at DESC, id);
CREATE INDEX commands_fanout_idx ON commands (fanout_id) WHERE fanout_id IS NOT NULL;
-- what the dispatcher and the expiry sweep look for
CREATE INDEX commands_open_idx ON commands (state, expires_at) WHERE state IN ('QUEUED', 'SENT');

CREATE TABLE command_transitions (
    command_id  uuid        NOT NULL REFERENCES commands (id) ON DELETE CASCADE,
    seq         int         NOT NULL,
    state       text        NOT NULL,
    at          timestamptz NOT NULL,
    source      text        NOT NULL CHECK (source IN ('CLOUD', 'TRUCK')),
    detail      text,
    PRIMARY KEY (command_id, seq)
);
