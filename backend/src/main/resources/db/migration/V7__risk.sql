-- Risk ledger (风险台账): risk points graded on a versioned matrix, controlled by measures,
-- reviewed on a cycle (研判), and raised to the bureau on time (杜绝迟报、漏报).

-- The scoring matrix: scale labels, level thresholds and colours. An admin's edit is a new row;
-- rows are never changed, so every grading can name the version it used.
CREATE TABLE risk_matrix (
    version            integer      PRIMARY KEY,
    likelihood_labels  jsonb        NOT NULL,
    impact_labels      jsonb        NOT NULL,
    major_min          integer      NOT NULL,
    significant_min    integer      NOT NULL,
    general_min        integer      NOT NULL,
    colours            jsonb        NOT NULL,
    note               varchar(500),
    created_by         varchar(255) NOT NULL,
    created_by_name    varchar(255),
    created_at         timestamptz  NOT NULL,
    CONSTRAINT risk_matrix_thresholds_ck CHECK (general_min > 1 AND significant_min > general_min
        AND major_min > significant_min AND major_min <= 25)
);
CREATE TRIGGER risk_matrix_append_only BEFORE UPDATE OR DELETE ON risk_matrix
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON risk_matrix FROM ${appRole};

-- Version 1: score = likelihood × impact; 低 1–4, 一般 5–9, 较大 10–14, 重大 15–25.
INSERT INTO risk_matrix (version, likelihood_labels, impact_labels, major_min, significant_min, general_min, colours,
                         note, created_by, created_by_name, created_at)
VALUES (1, '["极少发生", "不太可能", "可能发生", "很可能", "几乎肯定"]',
        '["轻微", "较小", "中等", "较大", "严重"]', 15, 10, 5,
        '{"MAJOR": "#d9001b", "SIGNIFICANT": "#f59a23", "GENERAL": "#f7d51d", "LOW": "#409eff"}',
        '初始评分矩阵', 'system', '系统', now());

CREATE TABLE risk (
    id                     uuid PRIMARY KEY,
    code                   varchar(20)  NOT NULL,
    name                   varchar(200) NOT NULL,
    category               varchar(24)  NOT NULL,
    manifestation          text,
    unit_id                uuid         NOT NULL REFERENCES unit (id),
    responsible_leader     varchar(100),
    responsible_person     varchar(100),
    likelihood             integer,
    impact                 integer,
    score                  integer,
    level                  varchar(16),
    matrix_version         integer REFERENCES risk_matrix (version),
    residual_likelihood    integer,
    residual_impact        integer,
    residual_score         integer,
    residual_level         varchar(16),
    graded_at              timestamptz,
    status                 varchar(16)  NOT NULL,
    review_cycle_override  varchar(16),
    next_review_on         date,
    last_reviewed_on       date,
    external_source        varchar(40),
    external_ref           varchar(100),
    closed_reason          varchar(1000),
    created_by             varchar(255) NOT NULL,
    created_by_name        varchar(255),
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    version                bigint       NOT NULL DEFAULT 0,
    CONSTRAINT risk_code_uk UNIQUE (code),
    CONSTRAINT risk_external_uk UNIQUE (external_source, external_ref),
    CONSTRAINT risk_status_ck CHECK (status IN ('IDENTIFIED', 'CONTROLLING', 'CONTROLLED', 'CLOSED')),
    CONSTRAINT risk_category_ck CHECK (category IN ('IDEOLOGY', 'SECRECY', 'INTEGRITY', 'PUBLIC_OPINION', 'WORK_STYLE', 'OTHER')),
    CONSTRAINT risk_level_ck CHECK (level IS NULL OR level IN ('MAJOR', 'SIGNIFICANT', 'GENERAL', 'LOW')),
    CONSTRAINT risk_residual_level_ck CHECK (residual_level IS NULL OR residual_level IN ('MAJOR', 'SIGNIFICANT', 'GENERAL', 'LOW')),
    CONSTRAINT risk_scale_ck CHECK (likelihood BETWEEN 1 AND 5 AND impact BETWEEN 1 AND 5
        AND residual_likelihood BETWEEN 1 AND 5 AND residual_impact BETWEEN 1 AND 5),
    CONSTRAINT risk_graded_ck CHECK ((level IS NULL) = (likelihood IS NULL) AND (level IS NULL) = (matrix_version IS NULL)),
    CONSTRAINT risk_cycle_ck CHECK (review_cycle_override IS NULL
        OR review_cycle_override IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY'))
);
-- The list's sorts and filters, each ending in id for keyset paging.
CREATE INDEX risk_created_idx ON risk (created_at, id);
CREATE INDEX risk_unit_idx ON risk (unit_id, created_at, id);
CREATE INDEX risk_level_idx ON risk (level, created_at, id);
CREATE INDEX risk_category_idx ON risk (category, created_at, id);
CREATE INDEX risk_status_idx ON risk (status, created_at, id);
CREATE INDEX risk_score_idx ON risk (score, id);
CREATE INDEX risk_cell_idx ON risk (likelihood, impact, created_at, id);
CREATE INDEX risk_residual_cell_idx ON risk (residual_likelihood, residual_impact, created_at, id);
-- Full, not partial: the list sorts by next review over every status (closed risks have none: last).
CREATE INDEX risk_next_review_idx ON risk (next_review_on, id);
CREATE INDEX risk_ungraded_idx ON risk (created_at, id) WHERE level IS NULL AND status <> 'CLOSED';
CREATE INDEX risk_name_trgm_idx ON risk USING gin (lower(name) gin_trgm_ops);

-- Every grading and every change of level, in order; never changed afterwards.
CREATE TABLE risk_grading (
    id                  uuid PRIMARY KEY,
    risk_id             uuid         NOT NULL REFERENCES risk (id),
    source              varchar(16)  NOT NULL,
    likelihood          integer     NOT NULL,
    impact              integer     NOT NULL,
    score               integer     NOT NULL,
    level               varchar(16)  NOT NULL,
    residual_likelihood integer,
    residual_impact     integer,
    residual_score      integer,
    residual_level      varchar(16),
    matrix_version      integer      NOT NULL REFERENCES risk_matrix (version),
    previous_level      varchar(16),
    previous_score      integer,
    previous_matrix_version integer,
    reason              varchar(1000),
    review_id           uuid,
    graded_by           varchar(255) NOT NULL,
    graded_by_name      varchar(255),
    graded_at           timestamptz  NOT NULL,
    CONSTRAINT risk_grading_source_ck CHECK (source IN ('GRADING', 'REGRADING', 'REVIEW'))
);
CREATE INDEX risk_grading_risk_idx ON risk_grading (risk_id, graded_at);
CREATE TRIGGER risk_grading_append_only BEFORE UPDATE OR DELETE ON risk_grading
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON risk_grading FROM ${appRole};

CREATE TABLE risk_measure (
    id          uuid PRIMARY KEY,
    risk_id     uuid          NOT NULL REFERENCES risk (id),
    review_id   uuid,
    content     varchar(2000) NOT NULL,
    owner_name  varchar(100),
    deadline    date,
    status      varchar(16)   NOT NULL,
    done_at     timestamptz,
    evidence    varchar(2000),
    sort_order  integer       NOT NULL DEFAULT 0,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL DEFAULT 0,
    CONSTRAINT risk_measure_status_ck CHECK (status IN ('OPEN', 'DONE'))
);
CREATE INDEX risk_measure_risk_idx ON risk_measure (risk_id, sort_order);
CREATE INDEX risk_measure_open_idx ON risk_measure (deadline, id) WHERE status = 'OPEN';

-- 研判记录.
CREATE TABLE risk_review (
    id               uuid PRIMARY KEY,
    risk_id          uuid          NOT NULL REFERENCES risk (id),
    reviewed_on      date          NOT NULL,
    due_on           date,
    participants     varchar(1000) NOT NULL,
    conclusion       text          NOT NULL,
    level_before     varchar(16),
    level_after      varchar(16),
    reviewed_by      varchar(255)  NOT NULL,
    reviewed_by_name varchar(255),
    created_at       timestamptz   NOT NULL
);
CREATE INDEX risk_review_risk_idx ON risk_review (risk_id, reviewed_on DESC, created_at DESC);

-- Reports of a 重大 risk to the bureau (报告).
CREATE TABLE risk_report (
    id              uuid PRIMARY KEY,
    risk_id         uuid          NOT NULL REFERENCES risk (id),
    obligation_id   uuid,
    recipient       varchar(200)  NOT NULL,
    document_no     varchar(100),
    content         text          NOT NULL,
    reported_by     varchar(255)  NOT NULL,
    reported_by_name varchar(255),
    created_at      timestamptz   NOT NULL
);
CREATE INDEX risk_report_risk_idx ON risk_report (risk_id, created_at);

-- What was due (a review by a date, a report by a moment) and when it was done: the record that
-- 迟报 (late) and 漏报 (missing) are checked against. The state is derived from due and fulfilled.
CREATE TABLE risk_obligation (
    id                 uuid PRIMARY KEY,
    risk_id            uuid         NOT NULL REFERENCES risk (id),
    unit_id            uuid         NOT NULL REFERENCES unit (id),
    kind               varchar(16)  NOT NULL,
    due_on             date         NOT NULL,
    due_at             timestamptz  NOT NULL,
    fulfilled_at       timestamptz,
    fulfilled_by_name  varchar(255),
    fulfilment_id      uuid,
    cancelled_at       timestamptz,
    cancel_reason      varchar(300),
    missed_flagged_at  timestamptz,
    created_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT risk_obligation_kind_ck CHECK (kind IN ('REVIEW', 'REPORT'))
);
-- At most one open obligation of each kind per risk.
CREATE UNIQUE INDEX risk_obligation_open_uk ON risk_obligation (risk_id, kind)
    WHERE fulfilled_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX risk_obligation_due_idx ON risk_obligation (due_on, id);
CREATE INDEX risk_obligation_unit_idx ON risk_obligation (unit_id, due_on, id);
CREATE INDEX risk_obligation_risk_idx ON risk_obligation (risk_id, due_at);
-- Open obligations by due time: the obligations view's pending / missing filters.
CREATE INDEX risk_obligation_open_due_idx ON risk_obligation (due_at, id) WHERE fulfilled_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX risk_obligation_unflagged_idx ON risk_obligation (due_at, id)
    WHERE fulfilled_at IS NULL AND cancelled_at IS NULL AND missed_flagged_at IS NULL;

-- Tasks can say where they came from, like rectification items: a risk review (研判) that opened them.
ALTER TABLE task ADD COLUMN origin_type varchar(24);
ALTER TABLE task ADD COLUMN origin_id uuid;
ALTER TABLE task ADD CONSTRAINT task_origin_ck CHECK (origin_type IS NULL OR origin_type IN ('RISK_REVIEW'));
CREATE INDEX task_origin_idx ON task (origin_type, origin_id) WHERE origin_id IS NOT NULL;
