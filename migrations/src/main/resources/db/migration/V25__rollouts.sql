-- Rollouts of a package (its bytes are in the hub's Object Store, not here) to trucks in waves, and where each truck
-- stands. A truck's row is the rollout's record of it: released (released_at) by the scheduler holding the rollout,
-- then moved on by the truck's reports, only forwards.
CREATE TABLE rollouts (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    package_name     text        NOT NULL,
    package_version  text        NOT NULL,
    package_kind     text        NOT NULL CHECK (package_kind IN ('agent', 'firmware', 'file')),
    plan             jsonb       NOT NULL,
    status           text        NOT NULL CHECK (status IN ('RUNNING', 'PAUSED', 'COMPLETED', 'ABORTED', 'CANCELLED', 'EXPIRED')),
    created_by       text        NOT NULL,
    started_at       timestamptz NOT NULL,
    ended_at         timestamptz,
    CHECK ((ended_at IS NULL) = (status IN ('RUNNING', 'PAUSED')))
);

CREATE INDEX rollouts_tenant_idx ON rollouts (tenant_id, started_at DESC);
CREATE INDEX rollouts_running_idx ON rollouts (status) WHERE status = 'RUNNING';

CREATE TABLE rollout_targets (
    rollout_id   uuid        NOT NULL REFERENCES rollouts (id) ON DELETE CASCADE,
    tenant_id    uuid        NOT NULL,
    device_id    text        NOT NULL,
    wave         int         NOT NULL CHECK (wave >= 0),
    state        text        NOT NULL CHECK (state IN ('WAITING', 'PENDING', 'DOWNLOADING', 'VERIFIED', 'INSTALLING',
                                                       'SUCCEEDED', 'FAILED', 'ROLLING_BACK', 'ROLLED_BACK', 'SKIPPED')),
    bytes        bigint,
    reason       text        CHECK (length(reason) <= 500),
    released_at  timestamptz,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (rollout_id, device_id),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX rollout_targets_device_idx ON rollout_targets (tenant_id, device_id);
-- one package under way per truck, whichever replica releases it: a second release waits for the first, then fails
CREATE UNIQUE INDEX rollout_targets_one_under_way ON rollout_targets (tenant_id, device_id)
    WHERE state IN ('PENDING', 'DOWNLOADING', 'VERIFIED', 'INSTALLING', 'ROLLING_BACK');
