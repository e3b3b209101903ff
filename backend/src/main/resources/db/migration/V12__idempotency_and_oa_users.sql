-- Issue 13, inbound: Idempotency-Key (draft-ietf-httpapi-idempotency-key-header-07) and the
-- mapping of OA logins to Qingfeng usernames.

-- One row per (caller, key). The first request claims the key in a short transaction of its own
-- (INSERT … ON CONFLICT), so concurrent requests on any instance see it at once: IN_FLIGHT while the
-- first is being served, COMPLETED with its response (status, headers, exact body bytes) to replay.
-- A 5xx answer deletes the row so a retry can proceed. Rows are kept until expires_at (at least 24 h
-- after the first use) and then purged.
CREATE TABLE idempotency_key (
    subject       varchar(255)  NOT NULL,
    idem_key      varchar(255)  NOT NULL,
    -- SHA-256 (hex) over method, path and query, content type and the raw body (a multipart boundary aside).
    fingerprint   char(64)      NOT NULL,
    method        varchar(10)   NOT NULL,
    path          varchar(4096) NOT NULL,
    state         varchar(12)   NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    -- Who holds the claim: only that request completes or releases it.
    claim         uuid          NOT NULL,
    status        integer,
    headers       jsonb,
    body          bytea,
    created_at    timestamptz   NOT NULL,
    completed_at  timestamptz,
    expires_at    timestamptz   NOT NULL,
    PRIMARY KEY (subject, idem_key),
    CHECK (state = 'IN_FLIGHT' OR status IS NOT NULL)
);
CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
GRANT DELETE ON idempotency_key TO ${appRole};

-- OA login ↔ Qingfeng username, maintained by admins (one by one or by CSV import). The username is
-- unique; the import checks the final state, the constraint is checked at commit so that two
-- logins may swap usernames in one import.
CREATE TABLE oa_user_mapping (
    oa_login      varchar(100)  PRIMARY KEY,
    username      varchar(100)  NOT NULL,
    display_name  varchar(200),
    note          varchar(500),
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL DEFAULT 0,
    CONSTRAINT oa_user_mapping_username_uk UNIQUE (username) DEFERRABLE INITIALLY IMMEDIATE
);
GRANT DELETE ON oa_user_mapping TO ${appRole};
