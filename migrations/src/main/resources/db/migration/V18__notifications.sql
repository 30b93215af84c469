-- Notifications (ADR 0012): operators' contact details, the rules they subscribe to, and an outbox that is also the
-- delivery log.
ALTER TABLE operators
    -- no line breaks: an address goes into a mail header
    ADD COLUMN email     text CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email !~ '[[:cntrl:]]')),
    ADD COLUMN language  text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),
    ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC' CHECK (length(time_zone) BETWEEN 1 AND 64);

CREATE TABLE notification_rules (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    events        text[]      NOT NULL CHECK (cardinality(events) > 0),
    min_severity  text        NOT NULL CHECK (min_severity IN ('INFO', 'WARNING', 'CRITICAL')),
    -- neither: every device of the tenant
    device_id     text,
    tag           text,
    channel       text        NOT NULL CHECK (channel IN ('email')),
    -- quiet hours in the rule's zone; a span over midnight has quiet_from > quiet_to
    quiet_from    time,
    quiet_to      time,
    zone          text        NOT NULL,
    -- at most one message per recipient in this window; what comes meanwhile goes in the next one, as a digest
    rate_window   interval    NOT NULL CHECK (rate_window >= interval '0'),
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);

CREATE INDEX notification_rules_tenant_idx ON notification_rules (tenant_id);

CREATE TABLE notification_recipients (
    rule_id      uuid NOT NULL REFERENCES notification_rules (id) ON DELETE CASCADE,
    operator_id  uuid NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, operator_id)
);

-- One row per rule and recipient: when its next message may go (null: nothing waits) and when the last one went.
-- A sender claims a row by moving due_at ahead (a lease), so replicas never send one batch twice at once.
CREATE TABLE notification_batches (
    rule_id       uuid        NOT NULL REFERENCES notification_rules (id) ON DELETE CASCADE,
    operator_id   uuid        NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    due_at        timestamptz,
    last_sent_at  timestamptz,
    attempts      int         NOT NULL DEFAULT 0,
    last_error    text,
    PRIMARY KEY (rule_id, operator_id)
);

CREATE INDEX notification_batches_due_idx ON notification_batches (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE notifications (
    id           bigserial   PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    rule_id      uuid        NOT NULL REFERENCES notification_rules (id) ON DELETE CASCADE,
    operator_id  uuid        NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
    channel      text        NOT NULL,
    -- what happened, once: a second rule matching the same event for the same recipient adds nothing
    event_key    text        NOT NULL,
    event        text        NOT NULL,
    device_id    text,
    severity     text        NOT NULL,
    title        text        NOT NULL,
    link         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    state        text        NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    attempts     int         NOT NULL DEFAULT 0,
    last_error   text,
    -- the message that carried it (several notifications share one in a digest)
    message_id   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    UNIQUE (operator_id, channel, event_key)
);

CREATE INDEX notifications_batch_idx ON notifications (rule_id, operator_id, id) WHERE state = 'PENDING';
CREATE INDEX notifications_log_idx ON notifications (tenant_id, id DESC);
