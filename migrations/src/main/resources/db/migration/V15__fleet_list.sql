-- The fleet list's "online since": when a device's current run of heartbeats began. A gap longer than the
-- offline-after setting starts a new run (the status ingest decides; it knows the setting). Existing rows start
-- their run at their last heartbeat, the best that is known.
ALTER TABLE device_state ADD COLUMN online_since timestamptz;
UPDATE device_state SET online_since = status_at;
