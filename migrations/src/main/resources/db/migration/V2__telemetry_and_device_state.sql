-- Readings, partitioned by day on ts. The application creates partitions ahead of time and drops expired ones.
-- (device, epoch, seq) identifies a reading across redeliveries; ts is in the key because PostgreSQL requires
-- the partition key in every unique index, and a reading's ts never changes on redelivery. Ordered with ts
-- before epoch and seq, the same index serves the per-device time-range queries: one index to maintain, not two.
CREATE TABLE telemetry (
    tenant_id    uuid        NOT NULL,
    device_id    text        NOT NULL,
    ts           timestamptz NOT NULL,
    channel      text        NOT NULL,
    metrics      jsonb       NOT NULL,
    epoch        bigint      NOT NULL,
    seq          bigint      NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT telemetry_identity UNIQUE (tenant_id, device_id, ts, epoch, seq)
) PARTITION BY RANGE (ts);

-- The latest state of each device; last_values maps channel -> {"ts": <RFC 3339>, "metrics": {...}}.
CREATE TABLE device_state (
    tenant_id    uuid        NOT NULL,
    device_id    text        NOT NULL,
    last_seen    timestamptz,
    last_values  jsonb       NOT NULL DEFAULT '{}',
    online       boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, device_id),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

-- Merges a batch's latest values into the stored ones, channel by channel, keeping whichever is newer:
-- an offline truck catching up sends old readings after newer ones may already be stored.
CREATE FUNCTION merge_latest_values(stored jsonb, incoming jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(channel,
               CASE
                   WHEN stored -> channel IS NULL THEN incoming -> channel
                   WHEN incoming -> channel IS NULL THEN stored -> channel
                   WHEN (incoming -> channel ->> 'ts')::timestamptz >= (stored -> channel ->> 'ts')::timestamptz
                       THEN incoming -> channel
                   ELSE stored -> channel
               END), '{}'::jsonb)
    FROM jsonb_object_keys(stored || incoming) AS channel
$$;
