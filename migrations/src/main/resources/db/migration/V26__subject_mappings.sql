-- Each tenant's subject mappings, versioned: a change (or a rollback, which copies an older version) is a new row;
-- the highest version is the one signed into the tenant's account JWT. Never updated, so the history is the audit.
CREATE TABLE subject_mapping_versions (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    version        int         NOT NULL CHECK (version >= 1),
    rules          jsonb       NOT NULL,
    note           text        CHECK (length(note) <= 500),
    restored_from  int,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, version)
);
