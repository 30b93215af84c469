-- Scheduled reports: a report of the reports feature over the last complete day, week (Monday to Monday) or month
-- in a zone, mailed as XLSX or PDF. report_runs is both the idempotency key and the run log: one row per schedule and
-- period, whichever replica inserts it first, and a row that is SENT is never sent again. A period is its start and
-- end: a schedule changed from daily to monthly still gets the month that starts on the day it last reported.
CREATE TABLE report_schedules (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind          text        NOT NULL CHECK (kind IN ('ROUTE', 'TRIPS', 'STOPS', 'SUMMARY', 'DRIVERS', 'FUEL', 'EVENTS')),
    -- neither: the whole fleet; a tag is resolved to its devices at each run
    device_ids    text[],
    tag           text,
    frequency     text        NOT NULL CHECK (frequency IN ('DAILY', 'WEEKLY', 'MONTHLY')),
    zone          text        NOT NULL CHECK (length(zone) BETWEEN 1 AND 64),
    format        text        NOT NULL CHECK (format IN ('XLSX', 'PDF')),
    units         text        NOT NULL CHECK (units IN ('METRIC', 'IMPERIAL')),
    -- operators of the same tenant (their address is read at each run) and bare addresses; no line breaks: they go
    -- into a mail header
    operator_ids  uuid[]      NOT NULL DEFAULT '{}',
    emails        text[]      NOT NULL DEFAULT '{}' CHECK (array_to_string(emails, ' ') !~ '[[:cntrl:]]'),
    enabled       boolean     NOT NULL DEFAULT true,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (device_ids IS NULL OR tag IS NULL),
    CHECK (cardinality(operator_ids) + cardinality(emails) > 0)
);

CREATE INDEX report_schedules_tenant_idx ON report_schedules (tenant_id, name);

CREATE TABLE report_runs (
    id            bigserial   PRIMARY KEY,
    schedule_id   uuid        NOT NULL REFERENCES report_schedules (id) ON DELETE CASCADE,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    period_start  timestamptz NOT NULL,
    period_end    timestamptz NOT NULL CHECK (period_end > period_start),
    state         text        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    -- when a PENDING run may be claimed: now when it is made, a lease ahead while a replica renders and sends it (a
    -- replica that died meanwhile leaves it to be claimed again), the back-off after a failed attempt
    due_at        timestamptz,
    attempts      int         NOT NULL DEFAULT 0,
    last_error    text,
    -- the same on every attempt, so a mail server or client can tell a repeat after a crash
    message_id    text        NOT NULL,
    recipients    int,
    bytes         int,
    created_at    timestamptz NOT NULL DEFAULT now(),
    sent_at       timestamptz,
    UNIQUE (schedule_id, period_start, period_end),
    CHECK ((state = 'PENDING') = (due_at IS NOT NULL))
);

CREATE INDEX report_runs_due_idx ON report_runs (due_at) WHERE state = 'PENDING';
