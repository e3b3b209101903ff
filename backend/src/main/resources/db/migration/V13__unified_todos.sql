-- Unified to-dos (统一待办): one record per receiver and matter ("flow"), fed from the journal.

-- A matter whose work waits on people, as its ledger's rules last described it: a task assignment,
-- a rectification item, a risk. Its row is locked while it is reconciled, so its to-dos change in turns.
CREATE TABLE todo_flow (
    flow_type  varchar(32)  NOT NULL,
    flow_id    uuid         NOT NULL,
    state      varchar(16)  NOT NULL,
    title      varchar(500) NOT NULL,
    flow_name  varchar(64)  NOT NULL,
    link       varchar(500) NOT NULL,
    unit_id    uuid         REFERENCES unit (id),
    -- The day time alone may change its steps (a deadline passed, a review comes near): the sweep looks again then.
    recheck_on date,
    updated_at timestamptz  NOT NULL,
    PRIMARY KEY (flow_type, flow_id),
    CONSTRAINT todo_flow_state_ck CHECK (state IN ('OPEN', 'FINISHED', 'CANCELLED'))
);
CREATE INDEX todo_flow_recheck_idx ON todo_flow (recheck_on) WHERE state = 'OPEN' AND recheck_on IS NOT NULL;

-- A flow's current steps: what is asked of whom. A person who appears or changes unit is matched
-- against these, without asking the ledgers again.
CREATE TABLE todo_step (
    flow_type        varchar(32)  NOT NULL,
    flow_id          uuid         NOT NULL,
    position         integer      NOT NULL,
    kind             varchar(64)  NOT NULL,
    audience_role    varchar(32)  NOT NULL,
    -- The unit whose officers (and the officers of the units above it) are asked; null: everyone with the role.
    audience_unit_id uuid,
    due              date,
    step_name        varchar(64)  NOT NULL,
    -- Shown from this day only (a review within the warning days); until then nobody is asked.
    visible_from     date,
    link             varchar(500),
    PRIMARY KEY (flow_type, flow_id, position),
    FOREIGN KEY (flow_type, flow_id) REFERENCES todo_flow (flow_type, flow_id)
);
-- Whose steps: by unit (a person's unit and those below it, a moved unit's subtree) or unit-less (everyone with the role).
CREATE INDEX todo_step_audience_idx ON todo_step (audience_unit_id, audience_role);
GRANT DELETE ON todo_step TO ${appRole};

-- One person's to-do in one flow, with a life of its own: OPEN 待办, DONE 已办, FINISHED 办结, WITHDRAWN 撤回.
CREATE TABLE todo (
    id               uuid         PRIMARY KEY,
    flow_type        varchar(32)  NOT NULL,
    flow_id          uuid         NOT NULL,
    receiver_subject varchar(255) NOT NULL REFERENCES app_user (subject),
    state            varchar(16)  NOT NULL,
    -- What is (or, once not open, was last) asked, comma-separated codes, e.g. assignment.report,assignment.answer-urge.
    kinds            varchar(500) NOT NULL,
    title            varchar(500) NOT NULL,
    step_name        varchar(64),
    flow_name        varchar(64)  NOT NULL,
    link             varchar(500) NOT NULL,
    unit_id          uuid,
    due              date,
    visible_from     date,
    created_at       timestamptz  NOT NULL,
    changed_at       timestamptz  NOT NULL,
    version          bigint       NOT NULL,
    read_at          timestamptz,
    CONSTRAINT todo_state_ck CHECK (state IN ('OPEN', 'DONE', 'FINISHED', 'WITHDRAWN')),
    -- A flow's to-dos: one per receiver (and the index that finds them).
    CONSTRAINT todo_receiver_uq UNIQUE (flow_type, flow_id, receiver_subject),
    FOREIGN KEY (flow_type, flow_id) REFERENCES todo_flow (flow_type, flow_id)
);
-- A receiver's open to-dos, most urgent first (the list, the bell's counts).
CREATE INDEX todo_receiver_open_idx ON todo (receiver_subject, due, created_at, id) WHERE state = 'OPEN';
-- A receiver's other to-dos (已办, 办结, 撤回), newest change first.
CREATE INDEX todo_receiver_state_idx ON todo (receiver_subject, state, changed_at, id);
