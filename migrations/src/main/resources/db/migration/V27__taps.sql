-- Data taps (ADR 0015): a tenant's named, durable feeds for analytics, each a JetStream pull consumer on one hub
-- stream with one filter. The row is the tap's configuration, from which fleet-api (re)creates its consumer.
CREATE TABLE taps (
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    name             text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    source           text        NOT NULL CHECK (source IN ('telemetry', 'events', 'commands')),
    filter_subject   text        NOT NULL,
    max_ack_pending  int         NOT NULL CHECK (max_ack_pending BETWEEN 1 AND 100000),
    ack_wait_ms      bigint      NOT NULL CHECK (ack_wait_ms BETWEEN 1000 AND 3600000),
    max_deliver      int         NOT NULL CHECK (max_deliver BETWEEN 1 AND 100),
    paused_at        timestamptz,
    -- the stream sequence below which the tap had acknowledged everything, as last seen: a consumer the hub lost
    -- is re-created from the next one
    ack_floor        bigint      NOT NULL DEFAULT 0,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- A tap's NATS users (public keys only). They outlive the tap, so a deleted tap's credentials stay revoked even when
-- a new tap takes its name.
CREATE TABLE tap_credentials (
    user_key    text        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    tap_name    text        NOT NULL,
    issued_at   timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX tap_credentials_by_tap ON tap_credentials (tenant_id, tap_name);

-- Stream sequences a tap never acknowledged before the stream discarded them (retention outlived).
CREATE TABLE tap_gaps (
    tenant_id    uuid        NOT NULL,
    tap_name     text        NOT NULL,
    from_seq     bigint      NOT NULL,
    to_seq       bigint      NOT NULL CHECK (to_seq >= from_seq),
    -- exact: the tap reads its whole stream, so every discarded sequence was one of its messages; otherwise an
    -- upper bound (the discarded ones that matched its filter are among them)
    exact        boolean     NOT NULL,
    detected_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, tap_name, from_seq),
    FOREIGN KEY (tenant_id, tap_name) REFERENCES taps (tenant_id, name) ON DELETE CASCADE
);

-- Messages a tap's reader gave up on: delivered max_deliver times unacknowledged, or terminated by the reader.
CREATE TABLE tap_dead_letters (
    tenant_id    uuid        NOT NULL,
    tap_name     text        NOT NULL,
    stream_seq   bigint      NOT NULL,
    reason       text        NOT NULL CHECK (reason IN ('max-deliveries', 'terminated')),
    deliveries   int         NOT NULL,
    subject      text,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, tap_name, stream_seq, reason),
    FOREIGN KEY (tenant_id, tap_name) REFERENCES taps (tenant_id, name) ON DELETE CASCADE
);
