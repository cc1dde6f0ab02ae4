-- Read model of the school-service registry (consumed from school.jurisdictions.v1 / school.registry.v1).
CREATE TABLE jurisdiction (
    code                VARCHAR(6) PRIMARY KEY,
    name                TEXT        NOT NULL,
    level               VARCHAR(16) NOT NULL,
    parent_code         VARCHAR(6),
    resident_population BIGINT,
    revision            BIGINT      NOT NULL
);

CREATE TABLE school (
    school_code VARCHAR(10) PRIMARY KEY,
    name        TEXT        NOT NULL,
    county_code VARCHAR(6)  NOT NULL,
    type        VARCHAR(32) NOT NULL,
    location    VARCHAR(16) NOT NULL,
    revision    BIGINT      NOT NULL
);
CREATE INDEX school_county ON school (county_code);

-- Consumers de-duplicate on eventId.
CREATE TABLE processed_event (
    event_id     VARCHAR(64) PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A campaign (调查活动): one per county and year.
CREATE TABLE survey (
    id                  UUID PRIMARY KEY,
    county_code         VARCHAR(6)  NOT NULL,
    year                INT         NOT NULL,
    opens_at            TIMESTAMPTZ NOT NULL,
    closes_at           TIMESTAMPTZ NOT NULL,
    status              VARCHAR(8)  NOT NULL,           -- DRAFT, OPEN, CLOSED
    population          BIGINT      NOT NULL,           -- resident population the plan was computed from
    plan                JSONB       NOT NULL,           -- {"total", "byGroup", "byLocation", "basis"}
    client_salt         BYTEA       NOT NULL,           -- per-campaign salt of the client-address HMAC
    created_by          TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    opened_at           TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    results_revision    BIGINT      NOT NULL DEFAULT 0,
    results_response_id BIGINT      NOT NULL DEFAULT 0, -- last response id covered by a published event
    results_final       BOOLEAN     NOT NULL DEFAULT FALSE,
    CONSTRAINT survey_county_year UNIQUE (county_code, year)
);

-- Questionnaire items as data, copied from the defaults when the campaign is created; frozen once open.
CREATE TABLE questionnaire_item (
    survey_id UUID        NOT NULL REFERENCES survey (id),
    form      VARCHAR(8)  NOT NULL,                     -- PUBLIC 社会卷, STAFF 校长教师卷, STUDENT 学生卷
    position  INT         NOT NULL,
    item_id   VARCHAR(32) NOT NULL,
    text      TEXT        NOT NULL,
    PRIMARY KEY (survey_id, form, item_id)
);

CREATE TABLE invitation_batch (
    id          UUID PRIMARY KEY,
    survey_id   UUID        NOT NULL REFERENCES survey (id),
    school_code VARCHAR(10),                            -- null for county-wide groups (deputies, members, public)
    location    VARCHAR(16),
    grp         VARCHAR(16) NOT NULL,
    count       INT         NOT NULL,
    codes_enc   BYTEA       NOT NULL,                   -- AES-GCM sealed codes, only to reprint the sheet
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX invitation_batch_survey ON invitation_batch (survey_id);

-- An invitation is known only by the SHA-256 of its code.
CREATE TABLE invitation (
    code_hash       BYTEA PRIMARY KEY,
    survey_id       UUID        NOT NULL REFERENCES survey (id),
    batch_id        UUID        NOT NULL REFERENCES invitation_batch (id),
    school_code     VARCHAR(10),
    location        VARCHAR(16),
    grp             VARCHAR(16) NOT NULL,
    first_opened_at TIMESTAMPTZ
);
CREATE INDEX invitation_batch_idx ON invitation (batch_id);

-- One answer per invitation (the unique key is the single-use guarantee). No name, phone or ID number;
-- the client is only a keyed hash of its address range.
CREATE TABLE response (
    id            BIGSERIAL PRIMARY KEY,
    invitation    BYTEA       NOT NULL UNIQUE,
    survey_id     UUID        NOT NULL,
    school_code   VARCHAR(10),
    location      VARCHAR(16),
    grp           VARCHAR(16) NOT NULL,
    answers       JSONB       NOT NULL,
    digest        BYTEA       NOT NULL,                 -- of the canonical answers: a retry is recognised
    n_recognise   INT         NOT NULL,                 -- 认可
    n_mostly      INT         NOT NULL,                 -- 比较认可
    n_not         INT         NOT NULL,                 -- 不认可
    n_unknown     INT         NOT NULL,                 -- 不了解
    duration_ms   BIGINT,
    client_key    BYTEA       NOT NULL,
    flags         TEXT[]      NOT NULL DEFAULT '{}',    -- TOO_FAST, ALL_SAME, BURST
    submitted_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX response_survey ON response (survey_id, id);

CREATE TABLE outbox_event (
    id         BIGSERIAL PRIMARY KEY,
    event_id   VARCHAR(64) NOT NULL UNIQUE,
    topic      TEXT        NOT NULL,
    event_key  TEXT        NOT NULL,
    payload    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox_event (id) WHERE sent_at IS NULL;
