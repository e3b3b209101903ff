-- Newest-first lists of open work (e.g. overdue items, warning=RED) walk only the open rows.
CREATE INDEX task_issued_created_idx ON task (created_at, id) WHERE status = 'ISSUED';
CREATE INDEX rectification_open_created_idx ON rectification_item (created_at, id)
    WHERE status IN ('PENDING', 'IN_PROGRESS');
