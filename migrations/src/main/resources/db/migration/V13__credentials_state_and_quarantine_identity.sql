-- A device's credentials state (NONE, ISSUED, REVOKED) now follows what was done over REST, with when.
ALTER TABLE devices ADD COLUMN credentials_changed_at timestamptz;
UPDATE devices d SET credentials_state = CASE WHEN c.live > 0 THEN 'ISSUED' ELSE 'REVOKED' END,
                     credentials_changed_at = c.changed
FROM (SELECT tenant_id, device_id, count(*) FILTER (WHERE revoked_at IS NULL) AS live,
             greatest(max(issued_at), max(revoked_at)) AS changed
      FROM device_credentials GROUP BY tenant_id, device_id) c
WHERE c.tenant_id = d.tenant_id AND c.device_id = d.id AND c.changed >= d.created_at;

-- A message redelivered after a lost ack is quarantined once: its identity is the hub stream's sequence with its
-- subject (streams capture disjoint subjects) and payload (a re-created stream reuses sequences).
DELETE FROM quarantine q USING quarantine r
WHERE q.stream_seq > 0 AND q.id > r.id AND q.tenant_id = r.tenant_id AND q.subject = r.subject
  AND q.stream_seq = r.stream_seq AND md5(q.payload) = md5(r.payload);
CREATE UNIQUE INDEX quarantine_message_identity ON quarantine (tenant_id, subject, stream_seq, md5(payload))
    WHERE stream_seq > 0;
