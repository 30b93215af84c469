-- A password someone else chose (the first administrator's generated one, or one an administrator handed out as
-- temporary) must be changed at the first login.
ALTER TABLE operators ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;

-- Bulk device imports from CSV: progress while they run, each row's outcome (created, or why not), and why an
-- import stopped if it did. Kept in PostgreSQL so that any replica can answer for an import another one runs.
CREATE TABLE device_imports (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    total       integer     NOT NULL,
    done        integer     NOT NULL DEFAULT 0,
    created     integer     NOT NULL DEFAULT 0,
    finished_at timestamptz,
    error       text
);
CREATE INDEX device_imports_tenant_idx ON device_imports (tenant_id, created_at DESC);

CREATE TABLE device_import_rows (
    import_id  uuid    NOT NULL REFERENCES device_imports (id) ON DELETE CASCADE,
    line       bigint  NOT NULL,
    device_id  text,
    created    boolean NOT NULL,
    problem    text,
    PRIMARY KEY (import_id, line)
);

-- The devices page sorts by name too, keyset-paged on (name, id).
CREATE INDEX devices_name_idx ON devices (tenant_id, name, id);
