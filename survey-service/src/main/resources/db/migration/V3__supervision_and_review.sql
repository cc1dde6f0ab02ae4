-- Issue 13: the supervising level runs the survey, flags are reviewed (audited), retries are recognised by a
-- client-made submission id instead of by the answers (no oracle for a code's holder).

-- Which standard a campaign serves: BASIC (基本均衡, 满意度) or QUALITY (优质均衡, 认可度); selects the
-- questionnaire set and the answer labels.
ALTER TABLE survey ADD COLUMN standard VARCHAR(8) NOT NULL DEFAULT 'QUALITY';

-- Resident population per location (城区 / 镇区 / 乡村) from the registry's jurisdiction events, when given.
ALTER TABLE jurisdiction ADD COLUMN urban_population BIGINT;
ALTER TABLE jurisdiction ADD COLUMN town_population BIGINT;
ALTER TABLE jurisdiction ADD COLUMN rural_population BIGINT;

-- The page load (or app screen) that made the answer: the same id again is an idempotent retry, anything else
-- for a used invitation is 409. The answers' digest was the oracle a code's holder could probe: gone.
ALTER TABLE response ADD COLUMN submission_id VARCHAR(64);
UPDATE response SET submission_id = 'legacy-' || id WHERE submission_id IS NULL;
ALTER TABLE response ALTER COLUMN submission_id SET NOT NULL;
ALTER TABLE response DROP COLUMN digest;

-- The current review of a flagged answer (null until reviewed); ACCEPT counts it as valid, REJECT keeps it out.
ALTER TABLE response ADD COLUMN review VARCHAR(8);
CREATE INDEX response_flagged ON response (survey_id, id) WHERE cardinality(flags) > 0;

-- Every review decision, append-only: who, with which role, when, what and why.
CREATE TABLE flag_review (
    id            BIGSERIAL PRIMARY KEY,
    survey_id     UUID        NOT NULL REFERENCES survey (id),
    response_id   BIGINT      NOT NULL REFERENCES response (id),
    decision      VARCHAR(8)  NOT NULL,                 -- ACCEPT, REJECT
    reason        TEXT        NOT NULL,
    reviewed_by   TEXT        NOT NULL,
    reviewer_role VARCHAR(16) NOT NULL,
    reviewed_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX flag_review_response ON flag_review (response_id, id);
