-- Which device got new readings of which channels for which time range, written by ingest in the batch's own transaction and taken
-- (deleted) by trip detection in its own: a range it sees is a range whose readings it sees (ADR 0010).
CREATE TABLE telemetry_changes (
    tenant_id  uuid        NOT NULL,
    device_id  text        NOT NULL,
    from_ts    timestamptz NOT NULL,
    to_ts      timestamptz NOT NULL,
    channels   text[]      NOT NULL
);
CREATE INDEX telemetry_changes_by_device ON telemetry_changes (tenant_id, device_id);

-- Trip detection's place in each device's readings: the detector's state after the reading at checkpoint, where
-- to detect again from (a reading older than the checkpoint arrived, or an operator asked for a recompute), whether
-- readings after the checkpoint wait (behind), the device's own thresholds, and what an operator set its odometer
-- and engine hours to (offsets added to what detection counts).
CREATE TABLE trip_trackers (
    tenant_id          uuid             NOT NULL,
    device_id          text             NOT NULL,
    state              jsonb            NOT NULL,
    checkpoint         timestamptz,
    rewind_from        timestamptz,
    behind             boolean          NOT NULL DEFAULT false,
    settings           jsonb,
    odometer_offset_m  double precision NOT NULL DEFAULT 0,
    engine_offset_h    double precision NOT NULL DEFAULT 0,
    skipped            jsonb            NOT NULL DEFAULT '{}',
    updated_at         timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, device_id),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX trip_trackers_due ON trip_trackers (tenant_id, device_id) WHERE rewind_from IS NOT NULL OR behind;

-- A tenant's fleet-wide thresholds (a device's own are in trip_trackers.settings).
CREATE TABLE trip_settings (
    tenant_id  uuid  PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    settings   jsonb NOT NULL
);

CREATE TABLE trips (
    tenant_id         uuid             NOT NULL,
    device_id         text             NOT NULL,
    started_at        timestamptz      NOT NULL,
    ended_at          timestamptz      NOT NULL,
    start_lat         double precision,
    start_lon         double precision,
    end_lat           double precision,
    end_lon           double precision,
    distance_m        double precision NOT NULL,
    max_speed_kmh     double precision NOT NULL,
    engine_seconds    double precision NOT NULL,
    odometer_start_m  double precision NOT NULL,
    odometer_end_m    double precision NOT NULL,
    driver_id         text,
    PRIMARY KEY (tenant_id, device_id, started_at),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX trips_by_time ON trips (tenant_id, started_at);

-- A stop keeps the detector as it was at the arrival: detection can start again there (ADR 0010).
CREATE TABLE stops (
    tenant_id       uuid             NOT NULL,
    device_id       text             NOT NULL,
    arrived_at      timestamptz      NOT NULL,
    departed_at     timestamptz      NOT NULL,
    lat             double precision,
    lon             double precision,
    engine_seconds  double precision NOT NULL,
    resume          jsonb            NOT NULL,
    PRIMARY KEY (tenant_id, device_id, arrived_at),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX stops_by_time ON stops (tenant_id, arrived_at);
