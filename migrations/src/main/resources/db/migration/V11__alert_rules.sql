-- Threshold rules a tenant manages centrally. EDGE rules are pushed to its trucks as one versioned configuration
-- (apply-config), each truck getting the rules without a tag and those of its tags; a truck's heartbeat says which
-- version it applied. CLOUD rules are evaluated on the stored readings, for devices without an agent.
CREATE TABLE alert_rules (
    id          uuid        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    rule_key    text        NOT NULL CHECK (rule_key ~ '^[a-z0-9-]{1,64}$'),
    expression  text        NOT NULL CHECK (length(expression) BETWEEN 1 AND 500),
    tag         varchar(64),
    runs_on     text        NOT NULL DEFAULT 'EDGE' CHECK (runs_on IN ('EDGE', 'CLOUD')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT alert_rules_key UNIQUE (tenant_id, rule_key)
);

CREATE TABLE rule_set_versions (
    tenant_id  uuid   PRIMARY KEY REFERENCES tenants (id),
    version    bigint NOT NULL
);

-- How often the trucks' sensor apps should sample each channel (ISO-8601 durations); part of the same pushed
-- configuration: the agent offers it to the apps on the truck.
CREATE TABLE sampling (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    channel    text        NOT NULL CHECK (channel ~ '^[a-z0-9_-]{1,64}$'),
    every      text        NOT NULL,
    PRIMARY KEY (tenant_id, channel)
);
