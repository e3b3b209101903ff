-- The sealer remembers how far it got by transaction id, not by wall clock: every event of a
-- transaction older than sealed_below is sealed. Nothing is ever left behind, however long a
-- transaction stays open or the sealer is down.
CREATE TABLE journal_sealer_state (
    id           smallint PRIMARY KEY CHECK (id = 1),
    sealed_below xid8 NOT NULL
);
INSERT INTO journal_sealer_state (id, sealed_below) VALUES (1, '0'::xid8);
CREATE INDEX event_tx_idx ON event (tx_id);

-- Retention cuts the chain only at a link, and keeps the last removed link's hash here: the
-- remaining chain must start from it, so removing its head by hand is detected.
CREATE TABLE journal_anchor (
    position  bigint      PRIMARY KEY,
    hash      varchar(64) NOT NULL,
    cutoff    timestamptz NOT NULL,
    purged_at timestamptz NOT NULL
);
CREATE TRIGGER journal_anchor_append_only BEFORE UPDATE OR DELETE ON journal_anchor
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON journal_anchor FROM ${appRole};

CREATE OR REPLACE FUNCTION purge_journal(cutoff timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    upto    bigint;
    seqs    bigint[];
    removed bigint;
BEGIN
    IF cutoff > now() - interval '180 days' THEN
        RAISE EXCEPTION 'journal retention must keep at least 180 days (cutoff %)', cutoff;
    END IF;
    -- The last link before the first one that must stay (its event is younger than the cutoff).
    SELECT coalesce(min(s.position) - 1, (SELECT max(position) FROM event_seal)) INTO upto
      FROM event_seal s JOIN event e ON e.seq = s.event_seq
     WHERE e.occurred_at >= cutoff;
    IF upto IS NULL OR upto < 1 OR upto <= coalesce((SELECT max(position) FROM journal_anchor), 0) THEN
        RETURN 0;
    END IF;
    INSERT INTO journal_anchor (position, hash, cutoff, purged_at)
        SELECT position, hash, cutoff, now() FROM event_seal WHERE position = upto;
    SELECT array_agg(event_seq) INTO seqs FROM event_seal WHERE position <= upto;
    PERFORM set_config('qingfeng.journal_purge', 'on', true);
    DELETE FROM event_seal WHERE position <= upto;
    DELETE FROM event WHERE seq = ANY (seqs);
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('qingfeng.journal_purge', 'off', true);
    RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION purge_journal(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_journal(timestamptz) TO ${appRole};
