-- The edge agent's status heartbeat (agent version, uptime, backlog, oldest unsynced age, discarded count).
-- Online is derived from status_at when read, so it can never be stale; the boolean column goes.
ALTER TABLE device_state ADD COLUMN status jsonb;
ALTER TABLE device_state ADD COLUMN status_at timestamptz;
ALTER TABLE device_state DROP COLUMN online;
