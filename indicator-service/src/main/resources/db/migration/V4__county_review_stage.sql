-- read model: supervision.reviews.v1, each county's review stage (评估认定阶段) per year as supervision-service
-- last published it. Shown beside evaluations and roll-ups when they are read, never part of them: it changes
-- no evaluation's digest or revision and emits no event. The revision guards the upsert (an older revision
-- after a newer one changes nothing); eventIds are de-duplicated in processed_event like every consumed event.
create table county_review_stage (
    county_code      text        not null,
    year             int         not null,
    revision         bigint      not null,
    stage            text        not null,
    action           text        not null,
    verdict          text,
    -- the latest snapshot frozen for the county and year (kept when a later step froze none)
    snapshot_version int,
    snapshot_digest  text,
    changed_at       timestamptz not null,
    primary key (county_code, year)
);
create index county_review_stage_year on county_review_stage (year);
