-- The tenants' own metric catalogue entries: how the dashboard labels, formats and charts a channel's metric. The
-- built-in entries live in the code (io.fleetmesh.api.catalogue.DefaultCatalogue); a row here adds one or replaces
-- the built-in one for the same channel and metric. channel '*' is the metric on any channel.
CREATE TABLE metric_catalogue (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    channel    text        NOT NULL CHECK (channel = '*' OR channel ~ '^[a-z0-9_-]{1,32}(\.[a-z0-9_-]{1,32}){0,3}$'),
    metric     text        NOT NULL CHECK (metric ~ '^[A-Za-z0-9_-]{1,64}$'),
    label      text        NOT NULL CHECK (char_length(label) BETWEEN 1 AND 64),
    -- a symbol of the application's closed set of units (checked there, so that adding one needs no migration)
    unit       text,
    -- decimals shown; null: as the reading has it
    decimals   smallint    CHECK (decimals BETWEEN 0 AND 6),
    chart      text        CHECK (chart ~ '^[a-z0-9_-]{1,32}$'),
    -- value text -> shown text, for text and enumerated metrics
    states     jsonb       CHECK (states IS NULL OR jsonb_typeof(states) = 'object'),
    updated_by text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, channel, metric)
);
