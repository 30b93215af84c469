-- NATS user keys issued to devices (the seed is never stored): revoked keys go into the tenant account's JWT.
CREATE TABLE device_credentials (
    tenant_id   uuid        NOT NULL,
    device_id   text        NOT NULL,
    user_key    text        NOT NULL,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    PRIMARY KEY (tenant_id, user_key),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX device_credentials_device_idx ON device_credentials (tenant_id, device_id);
