-- Alerts from the trucks' edge rules and from the cloud's own (offline devices, geofences); one open alert per
-- (device, rule): a repeat raises its count.
CREATE TABLE alerts (
    id                uuid        PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    device_id         text        NOT NULL,
    rule_id           text        NOT NULL,
    source            text        NOT NULL CHECK (source IN ('EDGE', 'CLOUD')),
    severity          text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    state             text        NOT NULL CHECK (state IN ('ACTIVE', 'ACKNOWLEDGED', 'RESOLVED')),
    message           text        NOT NULL,
    metric            text,
    value             double precision,
    threshold         double precision,
    first_raised_at   timestamptz NOT NULL,
    last_raised_at    timestamptz NOT NULL,
    count             int         NOT NULL,
    -- the edge's id of the first occurrence; null for cloud alerts
    edge_alert_id     text,
    -- raised on a truck that was offline and received only later
    backfilled        boolean     NOT NULL,
    acknowledged_by   text,
    acknowledged_at   timestamptz,
    acknowledge_note  text,
    resolved_by       text,
    resolved_at       timestamptz,
    resolve_note      text,
    version           bigint      NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX alerts_one_open_per_rule ON alerts (tenant_id, device_id, rule_id) WHERE state <> 'RESOLVED';
CREATE INDEX alerts_tenant_idx ON alerts (tenant_id, last_raised_at DESC, id);
CREATE INDEX alerts_device_idx ON alerts (tenant_id, device_id, last_raised_at DESC);

-- Edge occurrences already counted: a redelivered alert event counts once.
CREATE TABLE alert_occurrences (
    tenant_id      uuid        NOT NULL,
    edge_alert_id  text        NOT NULL,
    state          text        NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, edge_alert_id, state)
);

CREATE INDEX alert_occurrences_received_idx ON alert_occurrences (received_at);

-- Geofences of a tenant: a circle (center + radius) or a polygon (ring of [lat, lon]); alerts on enter and exit.
CREATE TABLE geofences (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    shape       jsonb       NOT NULL,
    alert_on    text        NOT NULL CHECK (alert_on IN ('ENTER', 'EXIT', 'BOTH')),
    severity    text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint      NOT NULL DEFAULT 0
);

CREATE INDEX geofences_tenant_idx ON geofences (tenant_id);

-- Where each device was relative to each geofence at its last GPS reading (inside or not).
CREATE TABLE geofence_presence (
    tenant_id    uuid        NOT NULL,
    device_id    text        NOT NULL,
    geofence_id  uuid        NOT NULL REFERENCES geofences (id) ON DELETE CASCADE,
    inside       boolean     NOT NULL,
    at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, device_id, geofence_id)
);
