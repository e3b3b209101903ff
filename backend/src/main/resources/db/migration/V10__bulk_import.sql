-- Bulk import (issue 12). A job is uploaded, dry-run, then committed. The job row is locked by the
-- worker for as long as it works on it, and the commit writes the ledger rows and the job's final
-- status in one transaction: a killed backend leaves either the whole import or none of it, and
-- the job is picked up again after restart (the lock died with the connection).
CREATE TABLE import_job (
    id               uuid         PRIMARY KEY,
    ledger           varchar(20)  NOT NULL,
    file_name        varchar(255) NOT NULL,
    format           varchar(10)  NOT NULL,
    encoding         varchar(20),
    status           varchar(20)  NOT NULL,
    conflict         varchar(10)  NOT NULL,
    valid_rows_only  boolean      NOT NULL DEFAULT false,
    mapping          jsonb        NOT NULL DEFAULT '{}'::jsonb,
    headers          jsonb        NOT NULL DEFAULT '[]'::jsonb,
    counts           jsonb        NOT NULL DEFAULT '{}'::jsonb,
    problem_count    integer      NOT NULL DEFAULT 0,
    failure          varchar(2000),
    -- Who started it: the worker acts as this person (roles, unit) through the same services.
    created_by       varchar(100) NOT NULL,
    created_by_name  varchar(200) NOT NULL,
    created_by_user  varchar(200) NOT NULL,
    created_by_unit  varchar(50),
    -- Whose imports a person sees: their own, their units' (as records), or all for bureau-wide roles.
    unit_id          uuid,
    created_by_roles varchar(500) NOT NULL,
    client_id        varchar(100),
    created_at       timestamptz  NOT NULL,
    finished_at      timestamptz,
    version          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX import_job_work_idx ON import_job (created_at) WHERE status IN ('VALIDATING', 'COMMITTING');
CREATE INDEX import_job_owner_idx ON import_job (created_by, created_at DESC, id DESC);
CREATE INDEX import_job_unit_idx ON import_job (unit_id, created_at DESC, id DESC);
CREATE INDEX import_job_created_idx ON import_job (created_at DESC, id DESC);

-- The uploaded file, kept until the job ends (and for the annotated report after it).
CREATE TABLE import_file (
    job_id   uuid  PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
    content  bytea NOT NULL
);

CREATE TABLE import_problem (
    job_id       uuid          NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    seq          integer       NOT NULL,
    sheet        varchar(100)  NOT NULL,
    row_no       integer       NOT NULL,
    -- The row of the record the problem stops (a child row's parent): "valid rows only" leaves it out.
    group_row    integer       NOT NULL,
    column_name  varchar(100),
    cell_value   varchar(500),
    code         varchar(100)  NOT NULL,
    message      varchar(1000) NOT NULL,
    PRIMARY KEY (job_id, seq)
);

-- What the commit did, row by row: the result page links to these records.
CREATE TABLE import_outcome (
    job_id     uuid         NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_no     integer      NOT NULL,
    record_id  uuid,
    code       varchar(50),
    title      varchar(300),
    outcome    varchar(20)  NOT NULL,
    PRIMARY KEY (job_id, row_no)
);

-- Progress lives beside the job, not in it: the job row is locked while the worker runs, and
-- progress, attempts and a cancel request must be readable and writable all the same.
CREATE TABLE import_progress (
    job_id            uuid        PRIMARY KEY REFERENCES import_job (id) ON DELETE CASCADE,
    phase             varchar(20) NOT NULL,
    processed         integer     NOT NULL DEFAULT 0,
    total             integer     NOT NULL DEFAULT 0,
    started_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    attempt           integer     NOT NULL DEFAULT 1,
    worker            varchar(100),
    cancel_requested  boolean     NOT NULL DEFAULT false
);

CREATE TABLE import_mapping (
    id          uuid         PRIMARY KEY,
    ledger      varchar(20)  NOT NULL,
    name        varchar(100) NOT NULL,
    owner       varchar(100) NOT NULL,
    mapping     jsonb        NOT NULL,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT import_mapping_name_uk UNIQUE (owner, ledger, name)
);

-- Work tables of the import, not records: a re-run dry run replaces its problems, and a user
-- may delete a saved mapping.
GRANT DELETE ON import_problem, import_mapping TO ${appRole};
