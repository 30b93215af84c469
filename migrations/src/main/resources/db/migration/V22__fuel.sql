-- Fuel: which reading holds a device's fuel level and how big its tank is (a device without settings is not
-- analysed), where its analysis stands, the level it settled at each minute, and the refuels and drains found.
CREATE TABLE fuel_settings (
    tenant_id    uuid    NOT NULL,
    device_id    text    NOT NULL,
    tank_litres  numeric NOT NULL CHECK (tank_litres > 0 AND tank_litres <= 10000),
    channel      text    NOT NULL,
    metric       text    NOT NULL,
    unit         text    NOT NULL CHECK (unit IN ('percent', 'litres')),
    PRIMARY KEY (tenant_id, device_id),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

-- The detector's state after the last reading it took (checkpoint); replicas take a device with FOR UPDATE SKIP LOCKED,
-- the one looked at longest ago first (polled_at), so that idle devices never crowd out those with news.
CREATE TABLE fuel_trackers (
    tenant_id   uuid        NOT NULL,
    device_id   text        NOT NULL,
    checkpoint  timestamptz,
    state       jsonb,
    polled_at   timestamptz,
    PRIMARY KEY (tenant_id, device_id),
    FOREIGN KEY (tenant_id, device_id) REFERENCES fuel_settings (tenant_id, device_id) ON DELETE CASCADE
);

-- The filtered level once a minute: what consumption over any period is computed from.
CREATE TABLE fuel_levels (
    tenant_id  uuid        NOT NULL,
    device_id  text        NOT NULL,
    at         timestamptz NOT NULL,
    litres     double precision NOT NULL,
    PRIMARY KEY (tenant_id, device_id, at),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

-- A refuel or drain is found once: its start identifies it, whichever replica or retry finds it again.
CREATE TABLE fuel_events (
    id             bigserial   PRIMARY KEY,
    tenant_id      uuid        NOT NULL,
    device_id      text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('refuel', 'drain')),
    started_at     timestamptz NOT NULL,
    ended_at       timestamptz NOT NULL,
    litres_before  double precision NOT NULL,
    litres_after   double precision NOT NULL,
    UNIQUE (tenant_id, device_id, kind, started_at),
    FOREIGN KEY (tenant_id, device_id) REFERENCES devices (tenant_id, id) ON DELETE CASCADE
);

-- a change counts on the day its new level held (ended_at): the day whose levels show it
CREATE INDEX fuel_events_by_time ON fuel_events (tenant_id, ended_at);
CREATE INDEX fuel_trackers_by_poll ON fuel_trackers (polled_at NULLS FIRST);
