-- Rectification ledger (整改台账): problems found, their measures, progress and evidence, and a
-- close-off (销号) that must be earned: verified by a second person, with the evidence frozen.

CREATE TABLE rectification_item (
    id                  uuid PRIMARY KEY,
    code                varchar(20)  NOT NULL,
    title               varchar(200) NOT NULL,
    description         text,
    source              varchar(24)  NOT NULL,
    category            varchar(24)  NOT NULL,
    severity            varchar(16)  NOT NULL,
    found_on            date         NOT NULL,
    unit_id             uuid         NOT NULL REFERENCES unit (id),
    responsible_leader  varchar(100),
    responsible_person  varchar(100),
    kind                varchar(16)  NOT NULL,
    deadline            date,
    external_source     varchar(40),
    external_ref        varchar(100),
    origin_type         varchar(24),
    origin_id           uuid,
    origin_note         varchar(300),
    status              varchar(16)  NOT NULL,
    cycle               integer      NOT NULL DEFAULT 1,
    applied_by          varchar(255),
    applied_by_name     varchar(255),
    applied_at          timestamptz,
    rejection_reason    varchar(1000),
    closed_at           timestamptz,
    last_progress_on    date,
    created_by          varchar(255) NOT NULL,
    created_by_name     varchar(255),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0,
    CONSTRAINT rectification_code_uk UNIQUE (code),
    CONSTRAINT rectification_external_uk UNIQUE (external_source, external_ref),
    CONSTRAINT rectification_status_ck CHECK (status IN ('PENDING', 'IN_PROGRESS', 'APPLIED', 'CLOSED')),
    CONSTRAINT rectification_kind_ck CHECK (kind IN ('TIME_LIMITED', 'ONGOING')),
    CONSTRAINT rectification_deadline_ck CHECK (kind = 'ONGOING' OR deadline IS NOT NULL)
);
CREATE INDEX rectification_unit_idx ON rectification_item (unit_id, status, deadline, id);
CREATE INDEX rectification_status_deadline_idx ON rectification_item (status, deadline, id);
CREATE INDEX rectification_created_idx ON rectification_item (created_at, id);
CREATE INDEX rectification_found_idx ON rectification_item (found_on, id);
CREATE INDEX rectification_deadline_idx ON rectification_item (deadline, id);
CREATE INDEX rectification_open_deadline_idx ON rectification_item (deadline, id) WHERE status IN ('PENDING', 'IN_PROGRESS');
CREATE INDEX rectification_title_trgm_idx ON rectification_item USING gin (lower(title) gin_trgm_ops);
CREATE INDEX rectification_origin_idx ON rectification_item (origin_type, origin_id) WHERE origin_id IS NOT NULL;

CREATE TABLE rectification_measure (
    id            uuid PRIMARY KEY,
    item_id       uuid         NOT NULL REFERENCES rectification_item (id),
    content       varchar(2000) NOT NULL,
    owner_name    varchar(100),
    deadline      date,
    status        varchar(16)  NOT NULL,
    done_at       timestamptz,
    waive_reason  varchar(1000),
    sort_order    integer      NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL DEFAULT 0,
    CONSTRAINT rectification_measure_status_ck CHECK (status IN ('OPEN', 'DONE', 'WAIVED'))
);
CREATE INDEX rectification_measure_item_idx ON rectification_measure (item_id, sort_order);
CREATE INDEX rectification_measure_open_idx ON rectification_measure (deadline, id) WHERE status = 'OPEN';

CREATE TABLE rectification_progress (
    id            uuid PRIMARY KEY,
    item_id       uuid         NOT NULL REFERENCES rectification_item (id),
    cycle         integer      NOT NULL,
    reported_on   date         NOT NULL,
    content       text         NOT NULL,
    reported_by   varchar(255) NOT NULL,
    reported_by_name varchar(255),
    created_at    timestamptz  NOT NULL
);
CREATE INDEX rectification_progress_item_idx ON rectification_progress (item_id, created_at);

-- One row per verified close-off; the evidence list (file, SHA-256) is frozen in it.
CREATE TABLE rectification_closure (
    id               uuid PRIMARY KEY,
    item_id          uuid         NOT NULL REFERENCES rectification_item (id),
    cycle            integer      NOT NULL,
    applied_by       varchar(255) NOT NULL,
    applied_by_name  varchar(255),
    verified_by      varchar(255) NOT NULL,
    verified_by_name varchar(255),
    opinion          varchar(2000) NOT NULL,
    verified_on      date         NOT NULL,
    evidence         jsonb        NOT NULL,
    created_at       timestamptz  NOT NULL,
    CONSTRAINT rectification_closure_cycle_uk UNIQUE (item_id, cycle)
);
CREATE TRIGGER rectification_closure_append_only BEFORE UPDATE OR DELETE ON rectification_closure
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON rectification_closure FROM ${appRole};
