-- Reverse-geocoded places, shared by every tenant: an address is public knowledge, and who stopped there is not
-- stored here. Coordinates are rounded to 1e-4 degrees (about 11 m); address is null where the provider knows none
-- (looked up once all the same). Reports read this table by the rounded coordinates (ADR 0011).
CREATE TABLE addresses (
    lat_e4       integer     NOT NULL,
    lon_e4       integer     NOT NULL,
    address      text,
    resolved_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (lat_e4, lon_e4)
);

-- When the geocoding provider was last asked, by any replica: a replica asks only after taking its turn here, so that
-- the interval (Nominatim's policy: one request a second) holds for the whole deployment.
CREATE TABLE geocoding_pace (
    only_row  boolean     PRIMARY KEY DEFAULT true CHECK (only_row),
    last_at   timestamptz NOT NULL
);
INSERT INTO geocoding_pace (only_row, last_at) VALUES (true, '-infinity');
