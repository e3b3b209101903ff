-- A record's events reach each subscriber in the order they happened: a delivery waits while an
-- earlier one of the same record and subscription is still due (an OA must never see 已办 before
-- 待办, nor a withdrawn to-do come back). This index answers "is an earlier one still open?".
CREATE INDEX webhook_delivery_open_entity_idx ON webhook_delivery (subscription_id, entity_type, entity_id, event_seq)
    WHERE status IN ('PENDING', 'RETRYING');
