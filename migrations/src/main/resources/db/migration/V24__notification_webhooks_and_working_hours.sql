-- A rule may notify through the tenant's signed webhooks (kind "notification": an SMS or chat bridge forwards it to
-- the recipient), and says its working hours: a trip started outside them is what "trip-outside-hours" tells of.
-- Days are ISO numbers (1 Monday .. 7 Sunday); a span over midnight has work_from > work_to and belongs to the day
-- it began. None set: Monday to Friday, 07:00 to 19:00, in the rule's zone.
ALTER TABLE notification_rules
    DROP CONSTRAINT notification_rules_channel_check,
    ADD CONSTRAINT notification_rules_channel_check CHECK (channel IN ('email', 'webhook')),
    ADD COLUMN work_from time,
    ADD COLUMN work_to   time,
    ADD COLUMN work_days smallint[] CHECK (work_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[] AND cardinality(work_days) > 0),
    ADD CONSTRAINT notification_rules_work_check
        CHECK ((work_from IS NULL) = (work_to IS NULL) AND (work_from IS NULL) = (work_days IS NULL));
