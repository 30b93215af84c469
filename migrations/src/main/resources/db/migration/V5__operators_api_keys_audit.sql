-- Who may call fleet-api: operators (dashboard logins) and API keys (dispatch systems), each in one tenant
-- with one role; and the audit log of security-relevant actions.
CREATE TABLE operators (
    id             uuid        PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    -- unique across tenants: a login names no tenant
    username       text        NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._@-]{1,64}$'),
    password_hash  text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER')),
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- the token's public part, to find the row; the secret is stored only as a SHA-256 hash
    prefix        text        NOT NULL UNIQUE,
    secret_hash   bytea       NOT NULL,
    role          text        NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER')),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, created_at);

CREATE TABLE audit_log (
    id         bigserial   PRIMARY KEY,
    -- null when the actor could not be tied to a tenant (a failed login with an unknown name)
    tenant_id  uuid        REFERENCES tenants (id),
    at         timestamptz NOT NULL DEFAULT now(),
    actor      text        NOT NULL,
    action     text        NOT NULL,
    target     text,
    detail     text
);

CREATE INDEX audit_log_tenant_idx ON audit_log (tenant_id, at DESC);
