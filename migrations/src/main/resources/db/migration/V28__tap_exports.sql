-- Taps that fleet-api itself reads into files (ADR 0015), for users without a NATS client.
ALTER TABLE taps ADD COLUMN export_format text CHECK (export_format IN ('csv', 'parquet'));

-- The files an export wrote: named by the stream sequences they hold, so a retried batch finds its file written.
CREATE TABLE tap_export_files (
    tenant_id   uuid        NOT NULL,
    tap_name    text        NOT NULL,
    from_seq    bigint      NOT NULL,
    to_seq      bigint      NOT NULL CHECK (to_seq >= from_seq),
    file_key    text        NOT NULL,
    rows        int         NOT NULL,
    bytes       bigint      NOT NULL,
    written_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, tap_name, from_seq),
    FOREIGN KEY (tenant_id, tap_name) REFERENCES taps (tenant_id, name) ON DELETE CASCADE
);
