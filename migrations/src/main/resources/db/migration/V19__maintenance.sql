-- Maintenance schedules (per device, per tag or the fleet) and what was done: services, and each device's baseline
-- (its counters when a schedule first counted it), from which the next service is due.
CREATE TABLE maintenance_schedules (
    id                  uuid             PRIMARY KEY,
    tenant_id           uuid             NOT NULL REFERENCES tenants (id),
    name                text             NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    device_id           text,
    tag                 text,
    every_km            double precision CHECK (every_km > 0),
    every_engine_hours  double precision CHECK (every_engine_hours > 0),
    every_days          int              CHECK (every_days > 0),
    on_date             date,
    soon_percent        int              NOT NULL CHECK (soon_percent BETWEEN 0 AND 50),
    created_by          text             NOT NULL,
    created_at          timestamptz      NOT NULL DEFAULT now(),
    CHECK (every_km IS NOT NULL OR every_engine_hours IS NOT NULL OR every_days IS NOT NULL OR on_date IS NOT NULL),
    CHECK (device_id IS NULL OR tag IS NULL)
);

CREATE INDEX maintenance_schedules_tenant_idx ON maintenance_schedules (tenant_id);

CREATE TABLE maintenance_records (
    id            bigserial        PRIMARY KEY,
    schedule_id   uuid             NOT NULL REFERENCES maintenance_schedules (id) ON DELETE CASCADE,
    tenant_id     uuid             NOT NULL,
    device_id     text             NOT NULL,
    kind          text             NOT NULL CHECK (kind IN ('BASELINE', 'SERVICE')),
    done_on       date             NOT NULL,
    odometer_km   double precision NOT NULL,
    engine_hours  double precision NOT NULL,
    note          text             CHECK (length(note) <= 2000),
    cost          numeric(12, 2)   CHECK (cost >= 0),
    recorded_by   text             NOT NULL,
    recorded_at   timestamptz      NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX maintenance_records_last_idx ON maintenance_records (schedule_id, device_id, id DESC);
-- a device is counted from one baseline per schedule, however many replicas look at once
CREATE UNIQUE INDEX maintenance_records_baseline_idx ON maintenance_records (schedule_id, device_id)
    WHERE kind = 'BASELINE';
