-- Assignment lists and to-dos read open assignments in deadline order; a unit officer's scope is
-- a small part of all units, so walking this index and filtering by unit stops after a page.
CREATE INDEX task_assignment_open_deadline_idx ON task_assignment (deadline, id)
    WHERE status IN ('PENDING', 'IN_PROGRESS', 'SUBMITTED');
CREATE INDEX task_assignment_deadline_idx ON task_assignment (deadline, id);
