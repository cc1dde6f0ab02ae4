-- How many answers the last results event covered. Answers commit out of id order (concurrent writers), so
-- "an answer with an id above the last covered one" can miss a late commit; the count cannot (answers are
-- never deleted).
ALTER TABLE survey ADD COLUMN results_response_count BIGINT NOT NULL DEFAULT 0;
