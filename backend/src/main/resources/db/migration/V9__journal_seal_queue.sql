-- Sealing no longer waits for the oldest transaction on the server (pg_snapshot_xmin), which any
-- long transaction, in any database of the server, held back. Each event is queued for the sealer
-- in its own transaction; the sealer chains what has committed, in the order it sees it, and
-- removes it from the queue. An event of a transaction still running is simply not there yet.
CREATE TABLE event_unsealed (
    event_seq    bigint      PRIMARY KEY REFERENCES event (seq),
    occurred_at  timestamptz NOT NULL,
    queued_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION journal_queue_for_sealing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_unsealed (event_seq, occurred_at) VALUES (NEW.seq, NEW.occurred_at);
    RETURN NEW;
END
$$;
CREATE TRIGGER event_queue_for_sealing AFTER INSERT ON event
    FOR EACH ROW EXECUTE FUNCTION journal_queue_for_sealing();

-- What the old watermark had not reached yet.
INSERT INTO event_unsealed (event_seq, occurred_at)
SELECT e.seq, e.occurred_at FROM event e
WHERE NOT EXISTS (SELECT 1 FROM event_seal s WHERE s.event_seq = e.seq);

-- The one table the API may delete from: a work queue, no record. An event taken out of it
-- without being sealed shows in the verification as unsealed.
GRANT DELETE ON event_unsealed TO ${appRole};

DROP TABLE journal_sealer_state;
