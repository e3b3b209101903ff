-- Qingfeng foundation: units, people, human codes, the journal, attachments.
-- Runs as the schema owner; ${appRole} is the role the application connects as.
-- The application never hard-deletes: it gets SELECT, INSERT and UPDATE by default, never DELETE.

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO ${appRole};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${appRole};

-- ---------------------------------------------------------------------------
-- Units: bureau -> departments / affiliated units -> branches.
-- path is the materialized chain of ids ('/root/child/.../self/'), so a subtree is a prefix match.
-- ---------------------------------------------------------------------------
CREATE TABLE unit (
    id          uuid PRIMARY KEY,
    code        varchar(64)  NOT NULL,
    name        varchar(200) NOT NULL,
    kind        varchar(32)  NOT NULL,
    parent_id   uuid REFERENCES unit (id),
    path        varchar(4000) NOT NULL,
    depth       integer      NOT NULL,
    sort_order  integer      NOT NULL DEFAULT 0,
    active      boolean      NOT NULL DEFAULT true,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT unit_code_uk UNIQUE (code),
    CONSTRAINT unit_kind_ck CHECK (kind IN ('BUREAU', 'DEPARTMENT', 'AFFILIATED', 'BRANCH')),
    CONSTRAINT unit_root_ck CHECK ((parent_id IS NULL) = (depth = 0))
);
CREATE INDEX unit_path_idx ON unit (path text_pattern_ops);
CREATE INDEX unit_parent_idx ON unit (parent_id, sort_order, code);
CREATE INDEX unit_name_idx ON unit (name, id);
-- Only one root (the bureau).
CREATE UNIQUE INDEX unit_single_root_uk ON unit ((parent_id IS NULL)) WHERE parent_id IS NULL;

-- ---------------------------------------------------------------------------
-- People: a local profile of every user, kept current from their tokens.
-- ---------------------------------------------------------------------------
CREATE TABLE app_user (
    subject       varchar(255) PRIMARY KEY,
    username      varchar(255),
    display_name  varchar(255),
    unit_code     varchar(64),
    unit_id       uuid REFERENCES unit (id),
    roles         varchar(500) NOT NULL DEFAULT '',
    client_id     varchar(255),
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL
);
CREATE INDEX app_user_unit_idx ON app_user (unit_id);
CREATE INDEX app_user_username_idx ON app_user (username);

-- ---------------------------------------------------------------------------
-- Human codes (RW-2026-0001): one counter row per prefix and year; the row lock taken by
-- INSERT .. ON CONFLICT DO UPDATE makes concurrent creators wait their turn for that row only.
-- ---------------------------------------------------------------------------
CREATE TABLE code_counter (
    prefix     varchar(8) NOT NULL,
    year       integer    NOT NULL,
    last_value integer    NOT NULL,
    PRIMARY KEY (prefix, year)
);

-- ---------------------------------------------------------------------------
-- The journal. Append-only: one row per change, written in the change's transaction.
-- tx_id lets the sealer know when every transaction that could still add an earlier row is over.
-- ---------------------------------------------------------------------------
CREATE TABLE event (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id            uuid         NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    actor_subject varchar(255),
    actor_name    varchar(255),
    client        varchar(16)  NOT NULL,
    client_id     varchar(255),
    action        varchar(100) NOT NULL,
    entity_type   varchar(50)  NOT NULL,
    entity_id     varchar(64),
    unit_id       uuid,
    changes       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    request_id    varchar(100),
    tx_id         xid8         NOT NULL DEFAULT pg_current_xact_id(),
    recorded_at   timestamptz  NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT event_id_uk UNIQUE (id),
    CONSTRAINT event_client_ck CHECK (client IN ('UI', 'OA', 'IMPORT', 'API', 'SYSTEM'))
);
CREATE INDEX event_occurred_idx ON event (occurred_at, seq);
CREATE INDEX event_entity_idx ON event (entity_type, entity_id, seq);
CREATE INDEX event_actor_idx ON event (actor_subject, seq);
CREATE INDEX event_action_idx ON event (action, seq);
CREATE INDEX event_unit_idx ON event (unit_id, seq);
CREATE INDEX event_recorded_idx ON event (recorded_at);

-- The hash chain, in the order the sealer chained committed events (position 1, 2, 3 ...).
CREATE TABLE event_seal (
    position   bigint      PRIMARY KEY,
    event_seq  bigint      NOT NULL REFERENCES event (seq),
    prev_hash  varchar(64)    NOT NULL,
    hash       varchar(64)    NOT NULL,
    sealed_at  timestamptz NOT NULL,
    CONSTRAINT event_seal_event_uk UNIQUE (event_seq)
);

-- No role, the owner included, may change or remove journal rows, except the retention purge below.
CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('qingfeng.journal_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the journal is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER event_append_only BEFORE UPDATE OR DELETE ON event
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER event_no_truncate BEFORE TRUNCATE ON event
    FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER event_seal_append_only BEFORE UPDATE OR DELETE ON event_seal
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER event_seal_no_truncate BEFORE TRUNCATE ON event_seal
    FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON event, event_seal FROM ${appRole};

-- Retention: the only way rows leave the journal. Runs with the owner's rights and refuses to
-- remove anything younger than 180 days whatever the caller asks.
CREATE FUNCTION purge_journal(cutoff timestamptz) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    removed bigint;
BEGIN
    IF cutoff > now() - interval '180 days' THEN
        RAISE EXCEPTION 'journal retention must keep at least 180 days (cutoff %)', cutoff;
    END IF;
    PERFORM set_config('qingfeng.journal_purge', 'on', true);
    DELETE FROM event_seal s USING event e WHERE s.event_seq = e.seq AND e.occurred_at < cutoff;
    DELETE FROM event WHERE occurred_at < cutoff;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('qingfeng.journal_purge', 'off', true);
    RETURN removed;
END
$$;
REVOKE ALL ON FUNCTION purge_journal(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_journal(timestamptz) TO ${appRole};

-- ---------------------------------------------------------------------------
-- Attachments (evidence files) of any record; bytes in their own table so lists stay light.
-- ---------------------------------------------------------------------------
CREATE TABLE attachment (
    id               uuid PRIMARY KEY,
    owner_type       varchar(40)  NOT NULL,
    owner_id         uuid         NOT NULL,
    unit_id          uuid         NOT NULL REFERENCES unit (id),
    filename         varchar(255) NOT NULL,
    content_type     varchar(120) NOT NULL,
    size_bytes       bigint       NOT NULL,
    sha256           varchar(64)     NOT NULL,
    storage          varchar(16)  NOT NULL DEFAULT 'DATABASE',
    uploaded_by      varchar(255) NOT NULL,
    uploaded_by_name varchar(255),
    uploaded_at      timestamptz  NOT NULL,
    removed_at       timestamptz,
    removed_by       varchar(255),
    removed_reason   varchar(500),
    version          bigint       NOT NULL DEFAULT 0
);
CREATE INDEX attachment_owner_idx ON attachment (owner_type, owner_id, uploaded_at, id);
CREATE INDEX attachment_unit_idx ON attachment (unit_id);

CREATE TABLE attachment_content (
    attachment_id uuid PRIMARY KEY REFERENCES attachment (id),
    content       bytea NOT NULL
);
