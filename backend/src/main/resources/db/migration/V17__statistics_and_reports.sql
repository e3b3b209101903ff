-- Statistics count by the day something happened (issued, urged, escalated, graded, done): the
-- period walks need an index on each of those days.
CREATE INDEX task_assignment_created_idx ON task_assignment (created_at, unit_id);
CREATE INDEX task_assignment_escalated_idx ON task_assignment (escalated_at) WHERE escalated_at IS NOT NULL;
CREATE INDEX task_urge_urged_idx ON task_urge (urged_at, assignment_id);
CREATE INDEX risk_grading_changed_idx ON risk_grading (graded_at, risk_id) WHERE previous_level IS NOT NULL AND previous_level <> level;
CREATE INDEX measure_done_idx ON measure (owner_type, done_at, owner_id) WHERE status = 'DONE';

-- The half-year report: drafted from the ledgers, edited section by section, every revision kept.
CREATE TABLE report (
    id              uuid PRIMARY KEY,
    title           varchar(200) NOT NULL,
    period_code     varchar(40)  NOT NULL,
    period_from     date         NOT NULL,
    period_to       date         NOT NULL,
    unit_id         uuid REFERENCES unit (id),
    sections        jsonb        NOT NULL,
    figures         jsonb        NOT NULL,
    figures_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    created_by      varchar(255) NOT NULL,
    created_by_name varchar(255),
    created_at      timestamptz  NOT NULL,
    updated_by_name varchar(255),
    updated_at      timestamptz  NOT NULL
);
CREATE INDEX report_created_idx ON report (created_at, id);
CREATE INDEX report_unit_idx ON report (unit_id, created_at);

CREATE TABLE report_revision (
    id         uuid PRIMARY KEY,
    report_id  uuid         NOT NULL REFERENCES report (id),
    version    bigint       NOT NULL,
    reason     varchar(16)  NOT NULL,
    title      varchar(200) NOT NULL,
    sections   jsonb        NOT NULL,
    figures    jsonb        NOT NULL,
    by_name    varchar(255),
    at         timestamptz  NOT NULL,
    UNIQUE (report_id, version)
);

-- The Word template an admin put in place of the built-in one (one row; none: the built-in).
CREATE TABLE report_template (
    id               integer PRIMARY KEY CHECK (id = 1),
    content          bytea        NOT NULL,
    file_name        varchar(255) NOT NULL,
    uploaded_by_name varchar(255),
    uploaded_at      timestamptz  NOT NULL
);
GRANT DELETE ON report_template TO ${appRole};
