-- Every tenant-owned table carries tenant_id from day one; one default tenant until identity arrives.
CREATE TABLE tenants (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,64}$'),
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO tenants (id, slug, name) VALUES ('00000000-0000-0000-0000-000000000001', 'default', 'Default tenant');

CREATE TABLE devices (
    tenant_id          uuid        NOT NULL REFERENCES tenants (id),
    id                 text        NOT NULL CHECK (id ~ '^[a-z0-9-]{1,64}$'),
    name               text        NOT NULL,
    kind               text        NOT NULL,
    tags               varchar(64)[] NOT NULL DEFAULT '{}',
    credentials_state  text        NOT NULL DEFAULT 'NONE',
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);

CREATE INDEX devices_tags_idx ON devices USING gin (tags);
CREATE INDEX devices_kind_idx ON devices (tenant_id, kind, id);
