-- The drivers of a tenant: a name and the identifier their truck reports when they badge in (an RFID or iButton
-- code, stored upper-case so that readers which differ in case agree). Trips keep the identifier they were driven
-- with (trips.driver_id), so a trip by someone not registered yet still says who it was.
CREATE TABLE drivers (
    id               uuid        PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    identifier       text        NOT NULL CHECK (length(identifier) BETWEEN 1 AND 64),
    licence_expires  date,
    phone            text        CHECK (length(phone) <= 32),
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, identifier)
);

CREATE INDEX trips_by_driver ON trips (tenant_id, driver_id, started_at) WHERE driver_id IS NOT NULL;
