-- Kept counts (issue 14): list totals, statistics and the heat map answer from these instead of
-- counting a million rows per request. A trigger on each ledger table writes, in the changing
-- transaction, +1 for each key of the new row and -1 for each key of the old one (only the keys
-- that changed), so a count read in any snapshot is exact. Writers only insert (no hot row to
-- lock, no deadlock between imports); a scheduled compaction folds the delta rows of a key into one.
--
-- A key: ledger, the record's unit, the bucket it is counted in, a dimension and its value. The
-- bucket is the first day of the record's month (Asia/Shanghai) for tasks, items and risks: months
-- are what statistics are asked for (months, quarters, half-years, years), and the days of a
-- partial month at either end of a period are counted from the rows themselves. Obligations are
-- counted by their due day: whether an open one is missing depends on the time of asking, and
-- only the ones due today cannot be told from their day.
CREATE TABLE tally (
    ledger     varchar(16) NOT NULL,
    unit_id    uuid        NOT NULL,
    bucket      date        NOT NULL,
    dim        varchar(16) NOT NULL,
    val        varchar(64) NOT NULL,
    n          bigint      NOT NULL,
    compacted  boolean     NOT NULL DEFAULT false
);
CREATE INDEX tally_key_idx ON tally (ledger, dim, bucket, unit_id, val) INCLUDE (n);
CREATE INDEX tally_uncompacted_idx ON tally (ledger) WHERE NOT compacted;
-- The counts are written only by the owner's functions below: the application reads them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON tally FROM ${appRole};

-- Dimensions without a period of their own (the heat map's cells) use this bucket.
CREATE FUNCTION tally_timeless() RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT date '1970-01-01' $$;

CREATE FUNCTION tally_month(t timestamptz) RETURNS date LANGUAGE sql STABLE AS
$$ SELECT date_trunc('month', t AT TIME ZONE 'Asia/Shanghai')::date $$;

-- Tasks by the month they were created: list totals by status, category and priority, alone and
-- each with the status (a status tab and one more filter is how lists are used: "status+category"
-- counts "ISSUED INSPECTION").
CREATE FUNCTION tally_keys_task(r task) RETURNS TABLE (unit_id uuid, bucket date, dim varchar, val varchar)
LANGUAGE sql STABLE AS $$
    SELECT r.issuing_unit_id, tally_month(r.created_at), d.dim, d.val
    FROM (VALUES ('status', r.status), ('category', r.category), ('priority', r.priority),
                 ('status+category', r.status || ' ' || r.category), ('status+priority', r.status || ' ' || r.priority)
         ) AS d (dim, val)
$$;

-- Rectification items by the month they were found: the statistics (status, source, category,
-- severity, kind; each also with the status, for list totals) and the on-time rate of closed time-limited items (closed: ON_TIME / LATE,
-- comparing the close-off day in Asia/Shanghai with the deadline).
CREATE FUNCTION tally_keys_rectification(r rectification_item) RETURNS TABLE (unit_id uuid, bucket date, dim varchar, val varchar)
LANGUAGE sql STABLE AS $$
    SELECT r.unit_id, date_trunc('month', r.found_on)::date, d.dim, d.val
    FROM (VALUES ('status', r.status), ('source', r.source), ('category', r.category), ('severity', r.severity),
                 ('kind', r.kind),
                 ('status+source', r.status || ' ' || r.source), ('status+category', r.status || ' ' || r.category),
                 ('status+severity', r.status || ' ' || r.severity), ('status+kind', r.status || ' ' || r.kind),
                 ('closed', CASE WHEN r.status = 'CLOSED' AND r.kind = 'TIME_LIMITED' THEN
                     CASE WHEN (r.closed_at AT TIME ZONE 'Asia/Shanghai')::date <= r.deadline THEN 'ON_TIME' ELSE 'LATE' END END)
         ) AS d (dim, val)
    WHERE d.val IS NOT NULL
$$;

-- Risks by the month they were identified (status, level, category; level and category also with
-- the status), and timeless heat-map cells
-- (inherent "cell", residual "rcell"): "o 3:4" for an open risk at likelihood 3, impact 4, "x ..." for
-- a closed one, "-" when not graded.
CREATE FUNCTION tally_keys_risk(r risk) RETURNS TABLE (unit_id uuid, bucket date, dim varchar, val varchar)
LANGUAGE sql STABLE AS $$
    SELECT r.unit_id, d.bucket, d.dim, d.val
    FROM (VALUES (tally_month(r.created_at), 'status', r.status),
                 (tally_month(r.created_at), 'level', r.level),
                 (tally_month(r.created_at), 'category', r.category),
                 (tally_month(r.created_at), 'status+level', r.status || ' ' || r.level),
                 (tally_month(r.created_at), 'status+category', r.status || ' ' || r.category),
                 (tally_timeless(), 'cell', CASE WHEN r.status = 'CLOSED' THEN 'x ' ELSE 'o ' END
                     || coalesce(r.likelihood || ':' || r.impact, '-')),
                 (tally_timeless(), 'rcell', CASE WHEN r.status = 'CLOSED' THEN 'x ' ELSE 'o ' END
                     || coalesce(r.residual_likelihood || ':' || r.residual_impact, '-'))
         ) AS d (bucket, dim, val)
    WHERE d.val IS NOT NULL
$$;

-- Review and report obligations by the day they fall due: "REVIEW MET", "REPORT OPEN", ... (OPEN
-- splits into pending and missing by the time of asking, which the reader applies).
CREATE FUNCTION tally_keys_obligation(r risk_obligation) RETURNS TABLE (unit_id uuid, bucket date, dim varchar, val varchar)
LANGUAGE sql STABLE AS $$
    SELECT r.unit_id, r.due_on, 'state',
           r.kind || ' ' || CASE WHEN r.cancelled_at IS NOT NULL THEN 'CANCELLED'
                                 WHEN r.fulfilled_at IS NULL THEN 'OPEN'
                                 WHEN r.fulfilled_at <= r.due_at THEN 'MET'
                                 ELSE 'LATE' END
$$;

-- One trigger function per table; the difference of the new and the old keys, nothing when no key changed.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('task', 'task'), ('rectification', 'rectification_item'),
                                   ('risk', 'risk'), ('obligation', 'risk_obligation')) AS v (ledger, tbl) LOOP
        EXECUTE format($f$
            CREATE FUNCTION tally_%1$s() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $body$
            BEGIN
                INSERT INTO tally (ledger, unit_id, bucket, dim, val, n)
                SELECT %1$L, k.unit_id, k.bucket, k.dim, k.val, sum(k.n)
                FROM (SELECT nk.*, 1 AS n FROM tally_keys_%1$s(NEW) nk WHERE TG_OP <> 'DELETE'
                      UNION ALL
                      SELECT ok.*, -1 FROM tally_keys_%1$s(OLD) ok WHERE TG_OP <> 'INSERT') k
                GROUP BY k.unit_id, k.bucket, k.dim, k.val
                HAVING sum(k.n) <> 0;
                RETURN NULL;
            END
            $body$;
            CREATE TRIGGER %2$s_tally AFTER INSERT OR UPDATE OR DELETE ON %2$s
                FOR EACH ROW EXECUTE FUNCTION tally_%1$s();
        $f$, t.ledger, t.tbl);
    END LOOP;
END
$$;

-- Recounts every key from the rows (the migration's first fill, and after a bulk load that ran
-- with the triggers disabled, e.g. scripts/seed-large.sql).
CREATE FUNCTION tally_rebuild() RETURNS void LANGUAGE sql SET search_path = public AS $$
    DELETE FROM tally;
    INSERT INTO tally (ledger, unit_id, bucket, dim, val, n, compacted)
    SELECT 'task', k.unit_id, k.bucket, k.dim, k.val, count(*), true FROM task r, tally_keys_task(r) k GROUP BY 2, 3, 4, 5;
    INSERT INTO tally (ledger, unit_id, bucket, dim, val, n, compacted)
    SELECT 'rectification', k.unit_id, k.bucket, k.dim, k.val, count(*), true FROM rectification_item r, tally_keys_rectification(r) k GROUP BY 2, 3, 4, 5;
    INSERT INTO tally (ledger, unit_id, bucket, dim, val, n, compacted)
    SELECT 'risk', k.unit_id, k.bucket, k.dim, k.val, count(*), true FROM risk r, tally_keys_risk(r) k GROUP BY 2, 3, 4, 5;
    INSERT INTO tally (ledger, unit_id, bucket, dim, val, n, compacted)
    SELECT 'obligation', k.unit_id, k.bucket, k.dim, k.val, count(*), true FROM risk_obligation r, tally_keys_obligation(r) k GROUP BY 2, 3, 4, 5;
$$;

-- Folds the delta rows of every key written since the last compaction into one row. The keys and
-- the rows deleted come from one snapshot: a delta committed meanwhile stays for the next round.
CREATE FUNCTION tally_compact() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
    WITH touched AS (SELECT DISTINCT ledger, dim, bucket, unit_id, val FROM tally WHERE NOT compacted),
         gone AS (DELETE FROM tally t USING touched k
                  WHERE t.ledger = k.ledger AND t.dim = k.dim AND t.bucket = k.bucket AND t.unit_id = k.unit_id AND t.val = k.val
                  RETURNING t.ledger, t.unit_id, t.bucket, t.dim, t.val, t.n),
         kept AS (INSERT INTO tally (ledger, unit_id, bucket, dim, val, n, compacted)
                  SELECT ledger, unit_id, bucket, dim, val, sum(n), true FROM gone
                  GROUP BY ledger, unit_id, bucket, dim, val HAVING sum(n) <> 0
                  RETURNING 1)
    SELECT count(*) FROM touched
$$;
REVOKE ALL ON FUNCTION tally_rebuild() FROM PUBLIC;
REVOKE ALL ON FUNCTION tally_compact() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tally_compact() TO ${appRole};

SELECT tally_rebuild();
