-- The state each device was last seen in against each schedule, so that a change (to due soon, to overdue) is told
-- once, by whichever replica sees it first.
CREATE TABLE maintenance_states (
    schedule_id  uuid        NOT NULL REFERENCES maintenance_schedules (id) ON DELETE CASCADE,
    device_id    text        NOT NULL,
    state        text        NOT NULL,
    changed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (schedule_id, device_id)
);
