-- Outbound events (issue 13). A subscription names a receiver and the event types it wants; every
-- journal event of such a type becomes a delivery row in the transaction that records the event
-- (the journal is the outbox's only feed). Dispatchers on any number of instances lease due rows
-- with SKIP LOCKED, deliver them, and record every attempt.
CREATE TABLE webhook_subscription (
    id                          uuid          PRIMARY KEY,
    name                        varchar(100)  NOT NULL,
    url                         varchar(2000) NOT NULL,
    adapter                     varchar(16)   NOT NULL,
    -- Empty: every event; an entry ending in '.' is a prefix ('todo.').
    event_types                 text[]        NOT NULL DEFAULT '{}',
    settings                    jsonb         NOT NULL DEFAULT '{}'::jsonb,
    secret                      varchar(100)  NOT NULL,
    -- During a rotation the old secret signs beside the new one until it expires.
    previous_secret             varchar(100),
    previous_secret_valid_until timestamptz,
    status                      varchar(16)   NOT NULL,
    disabled_reason             varchar(500),
    created_by                  varchar(255),
    created_at                  timestamptz   NOT NULL,
    updated_at                  timestamptz   NOT NULL,
    version                     bigint        NOT NULL DEFAULT 0,
    CONSTRAINT webhook_subscription_adapter_ck CHECK (adapter IN ('GENERIC', 'WEAVER', 'SEEYON', 'LANDRAY')),
    CONSTRAINT webhook_subscription_status_ck CHECK (status IN ('ACTIVE', 'DISABLED'))
);
CREATE INDEX webhook_subscription_active_idx ON webhook_subscription (status) WHERE status = 'ACTIVE';

CREATE TABLE webhook_delivery (
    id               uuid          PRIMARY KEY,
    subscription_id  uuid          NOT NULL REFERENCES webhook_subscription (id),
    -- The journal event delivered: its id is the stable webhook-id of every attempt.
    event_seq        bigint        NOT NULL,
    event_id         uuid          NOT NULL,
    event_type       varchar(100)  NOT NULL,
    entity_type      varchar(50),
    entity_id        varchar(100),
    status           varchar(16)   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz   NOT NULL,
    -- A dispatcher's claim: another instance takes the row over once it expires (a killed one).
    leased_until     timestamptz,
    last_status_code integer,
    last_latency_ms  integer,
    last_error       varchar(1000),
    created_at       timestamptz   NOT NULL,
    delivered_at     timestamptz,
    CONSTRAINT webhook_delivery_status_ck CHECK (status IN ('PENDING', 'RETRYING', 'DELIVERED', 'SKIPPED', 'DEAD')),
    CONSTRAINT webhook_delivery_event_uk UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX webhook_delivery_log_idx ON webhook_delivery (created_at DESC, id DESC);
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, created_at DESC, id DESC);

CREATE TABLE webhook_attempt (
    id               bigserial     PRIMARY KEY,
    delivery_id      uuid          NOT NULL REFERENCES webhook_delivery (id),
    attempted_at     timestamptz   NOT NULL,
    outcome          varchar(16)   NOT NULL,
    status_code      integer,
    latency_ms       integer       NOT NULL,
    response_excerpt varchar(1000)
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, id);

-- Hosts an admin allowed although they resolve to loopback, link-local or private addresses.
CREATE TABLE webhook_allowed_host (
    host      varchar(255) PRIMARY KEY,
    note      varchar(500),
    added_by  varchar(255),
    added_at  timestamptz  NOT NULL
);

-- Work tables, not records (the journal keeps what happened): the delivery log is purged after
-- its retention, allowed hosts are removed by admins.
GRANT DELETE ON webhook_allowed_host, webhook_delivery, webhook_attempt TO ${appRole};
