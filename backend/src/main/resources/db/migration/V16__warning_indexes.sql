-- warning=RED lists newest first (issue 14): the deadline is a key column of the open rows' index,
-- so "deadline < today" is checked on the index entry and a row that is not red is never read;
-- the walk stops after a page. (V6's indexes without the deadline read every open row's heap
-- page until a page of red ones was found.) The unit is there for a unit officer's scope.
CREATE INDEX task_open_warning_idx ON task (created_at, id, deadline)
    WHERE status = 'ISSUED' AND recurrence = 'NONE';
CREATE INDEX rectification_open_warning_idx ON rectification_item (created_at, id, deadline, unit_id)
    WHERE status IN ('PENDING', 'IN_PROGRESS') AND kind = 'TIME_LIMITED';

-- The statistics count whole months from the kept counts (V15) and the days at either end of a
-- period from the rows: those days are an index-only range (V5's index on found_on read every row).
DROP INDEX rectification_found_idx;
CREATE INDEX rectification_found_idx ON rectification_item (found_on, id)
    INCLUDE (status, source, category, severity, unit_id, kind, closed_at, deadline);
