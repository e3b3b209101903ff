-- Tasks ledger (督查督办): tasks issued to units, each unit's assignment (承办) with its own life,
-- progress reports, execution records (what reports count), urges (催办).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE task (
    id                 uuid PRIMARY KEY,
    code               varchar(20)  NOT NULL,
    title              varchar(200) NOT NULL,
    category           varchar(32)  NOT NULL,
    description        text,
    basis              varchar(200),
    external_source    varchar(40),
    external_ref       varchar(100),
    priority           varchar(16)  NOT NULL,
    deadline           date,
    issuing_unit_id    uuid         NOT NULL REFERENCES unit (id),
    status             varchar(16)  NOT NULL,
    recurrence         varchar(16)  NOT NULL DEFAULT 'NONE',
    -- A recurring task is a template; each period's instance points back to it.
    template_id        uuid REFERENCES task (id),
    period_start       date,
    period_end         date,
    next_period_start  date,
    -- A recurring template's units ([{unitId, role}]): each period's instance is issued to them.
    unit_plan          jsonb,
    created_by         varchar(255) NOT NULL,
    created_by_name    varchar(255),
    issued_at          timestamptz,
    cancelled_at       timestamptz,
    cancel_reason      varchar(500),
    completed_at       timestamptz,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT task_code_uk UNIQUE (code),
    CONSTRAINT task_external_uk UNIQUE (external_source, external_ref),
    CONSTRAINT task_period_uk UNIQUE (template_id, period_start),
    CONSTRAINT task_status_ck CHECK (status IN ('DRAFT', 'ISSUED', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT task_priority_ck CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    CONSTRAINT task_recurrence_ck CHECK (recurrence IN ('NONE', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY'))
);
CREATE INDEX task_status_deadline_idx ON task (status, deadline, id);
CREATE INDEX task_deadline_idx ON task (deadline, id);
CREATE INDEX task_created_idx ON task (created_at, id);
CREATE INDEX task_category_idx ON task (category, created_at, id);
CREATE INDEX task_priority_idx ON task (priority, created_at, id);
CREATE INDEX task_issuing_unit_idx ON task (issuing_unit_id);
CREATE INDEX task_template_idx ON task (template_id) WHERE template_id IS NOT NULL;
CREATE INDEX task_recurring_due_idx ON task (next_period_start) WHERE recurrence <> 'NONE' AND status = 'ISSUED';
CREATE INDEX task_title_trgm_idx ON task USING gin (lower(title) gin_trgm_ops);
CREATE INDEX task_code_trgm_idx ON task USING gin (lower(code) gin_trgm_ops);

CREATE TABLE task_assignment (
    id              uuid PRIMARY KEY,
    task_id         uuid        NOT NULL REFERENCES task (id),
    unit_id         uuid        NOT NULL REFERENCES unit (id),
    role            varchar(16) NOT NULL,
    status          varchar(16) NOT NULL,
    deadline        date,
    accepted_at     timestamptz,
    accepted_by     varchar(255),
    submitted_at    timestamptz,
    completed_at    timestamptz,
    completed_on_time boolean,
    returned_count  integer     NOT NULL DEFAULT 0,
    return_reason   varchar(500),
    escalated_at    timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT task_assignment_uk UNIQUE (task_id, unit_id),
    CONSTRAINT task_assignment_role_ck CHECK (role IN ('LEAD', 'COOPERATING')),
    CONSTRAINT task_assignment_status_ck CHECK (status IN ('PENDING', 'IN_PROGRESS', 'SUBMITTED', 'DONE', 'CANCELLED'))
);
CREATE INDEX task_assignment_unit_idx ON task_assignment (unit_id, status, deadline, id);
CREATE INDEX task_assignment_status_deadline_idx ON task_assignment (status, deadline, id);
CREATE INDEX task_assignment_open_red_idx ON task_assignment (deadline) WHERE status IN ('PENDING', 'IN_PROGRESS') AND escalated_at IS NULL;

CREATE TABLE task_progress (
    id             uuid PRIMARY KEY,
    assignment_id  uuid         NOT NULL REFERENCES task_assignment (id),
    reported_on    date         NOT NULL,
    content        text         NOT NULL,
    percent        integer,
    reported_by    varchar(255) NOT NULL,
    reported_by_name varchar(255),
    created_at     timestamptz  NOT NULL,
    CONSTRAINT task_progress_percent_ck CHECK (percent IS NULL OR percent BETWEEN 0 AND 100)
);
CREATE INDEX task_progress_assignment_idx ON task_progress (assignment_id, created_at);

-- 工作记录: what reports count ("开展党风廉政主题学习共计9次").
CREATE TABLE task_record (
    id                 uuid PRIMARY KEY,
    assignment_id      uuid         NOT NULL REFERENCES task_assignment (id),
    unit_id            uuid         NOT NULL REFERENCES unit (id),
    category           varchar(32)  NOT NULL,
    held_on            date         NOT NULL,
    topic              varchar(300) NOT NULL,
    participant_count  integer      NOT NULL,
    participants       text,
    place              varchar(200),
    notes              text,
    recorded_by        varchar(255) NOT NULL,
    recorded_by_name   varchar(255),
    created_at         timestamptz  NOT NULL,
    CONSTRAINT task_record_count_ck CHECK (participant_count >= 0)
);
CREATE INDEX task_record_assignment_idx ON task_record (assignment_id, held_on);
CREATE INDEX task_record_stats_idx ON task_record (held_on, category, unit_id);

CREATE TABLE task_urge (
    id             uuid PRIMARY KEY,
    assignment_id  uuid         NOT NULL REFERENCES task_assignment (id),
    message        varchar(1000) NOT NULL,
    urged_by       varchar(255) NOT NULL,
    urged_by_name  varchar(255),
    urged_at       timestamptz  NOT NULL,
    reply          varchar(2000),
    replied_by     varchar(255),
    replied_by_name varchar(255),
    replied_at     timestamptz,
    version        bigint       NOT NULL DEFAULT 0
);
CREATE INDEX task_urge_assignment_idx ON task_urge (assignment_id, urged_at);
CREATE INDEX task_urge_open_idx ON task_urge (assignment_id) WHERE replied_at IS NULL;
