-- One measures module for the ledgers that plan measures: rectification items (整改措施) and
-- risks (管控措施). The rows of both earlier tables move here with their ids, so attachments
-- (RECTIFICATION_MEASURE, RISK_MEASURE), close-off evidence and journal events still name them.
CREATE TABLE measure (
    id            uuid PRIMARY KEY,
    owner_type    varchar(16)   NOT NULL,
    owner_id      uuid          NOT NULL,
    -- The owner's unit, so a unit's open measures are found without the owner's table.
    unit_id       uuid          NOT NULL REFERENCES unit (id),
    -- A risk's measure may come from a review (研判) that added it.
    review_id     uuid,
    content       varchar(2000) NOT NULL,
    owner_name    varchar(100),
    deadline      date,
    status        varchar(16)   NOT NULL,
    done_at       timestamptz,
    waive_reason  varchar(1000),
    evidence      varchar(2000),
    sort_order    integer       NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    version       bigint        NOT NULL DEFAULT 0,
    CONSTRAINT measure_owner_type_ck CHECK (owner_type IN ('RECTIFICATION', 'RISK')),
    CONSTRAINT measure_status_ck CHECK (status IN ('OPEN', 'DONE', 'WAIVED')),
    CONSTRAINT measure_waive_ck CHECK (status <> 'WAIVED' OR owner_type = 'RECTIFICATION')
);

INSERT INTO measure (id, owner_type, owner_id, unit_id, review_id, content, owner_name, deadline, status, done_at,
                     waive_reason, evidence, sort_order, created_at, updated_at, version)
SELECT m.id, 'RECTIFICATION', m.item_id, i.unit_id, NULL, m.content, m.owner_name, m.deadline, m.status, m.done_at,
       m.waive_reason, NULL, m.sort_order, m.created_at, m.updated_at, m.version
FROM rectification_measure m JOIN rectification_item i ON i.id = m.item_id;

INSERT INTO measure (id, owner_type, owner_id, unit_id, review_id, content, owner_name, deadline, status, done_at,
                     waive_reason, evidence, sort_order, created_at, updated_at, version)
SELECT m.id, 'RISK', m.risk_id, r.unit_id, m.review_id, m.content, m.owner_name, m.deadline, m.status, m.done_at,
       NULL, m.evidence, m.sort_order, m.created_at, m.updated_at, m.version
FROM risk_measure m JOIN risk r ON r.id = m.risk_id;

DROP TABLE rectification_measure;
DROP TABLE risk_measure;

CREATE INDEX measure_owner_idx ON measure (owner_type, owner_id, sort_order);
-- A unit's open measures by deadline: the officers' to-dos.
CREATE INDEX measure_open_idx ON measure (owner_type, unit_id, deadline, id) WHERE status = 'OPEN';
