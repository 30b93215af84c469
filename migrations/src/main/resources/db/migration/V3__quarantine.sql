-- Messages that could not be parsed or validated: kept with the reason, never silently dropped.
CREATE TABLE quarantine (
    id           bigserial   PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    subject      text        NOT NULL,
    payload      bytea       NOT NULL,
    reason       text        NOT NULL,
    stream_seq   bigint,
    received_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX quarantine_received_idx ON quarantine (tenant_id, received_at);
