-- indicator-service schema: rule sets, the read model built from the school and survey topics,
-- county findings, stored evaluations (history for trends) and the transactional outbox.

create table rule_set (
    code              text        not null,
    version           int         not null,
    name              text        not null,
    based_on          text,
    jurisdiction_code text,
    document          jsonb       not null,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    primary key (code, version)
);

-- read model: school.jurisdictions.v1
create table jurisdiction (
    code                text primary key,
    revision            bigint not null,
    name                text   not null,
    level               text   not null,
    parent_code         text,
    resident_population bigint
);

-- read model: school.registry.v1 (which schools a county has, to list missing reports)
create table school (
    school_code   text primary key,
    revision      bigint not null,
    county_code   text   not null,
    name          text,
    type          text   not null,
    location      text,
    public_school boolean,
    boarding      boolean,
    -- first registration: the school is expected to report from that school year on
    registered_at timestamptz   not null
);
create index school_county on school (county_code);

-- read model: school.reports.v1 (only approved reports count); the school's attributes at approval
create table school_report (
    school_code text        not null,
    year        int         not null,
    revision    bigint      not null,
    county_code text        not null,
    school      jsonb       not null,
    report      jsonb       not null,
    approved_by text,
    approved_at timestamptz,
    primary key (school_code, year)
);
create index school_report_county_year on school_report (county_code, year);

-- read model: survey.results.v1, one row per campaign
create table survey_result (
    survey_id         text primary key,
    county_code       text             not null,
    year              int              not null,
    revision          bigint           not null,
    closed            boolean          not null,
    rate              double precision,
    valid             bigint           not null,
    flagged           bigint           not null,
    valid_return_rate double precision,
    by_group          jsonb,
    occurred_at       timestamptz
);
create index survey_result_county_year on survey_result (county_code, year);

-- de-duplication of consumed events (architecture.md: consumers de-duplicate on eventId)
create table processed_event (
    event_id     text primary key,
    topic        text        not null,
    processed_at timestamptz not null default now()
);

-- bumped in the same transaction as any change to a county's inputs; evaluation caches key on it
create table county_input_version (
    county_code text primary key,
    version     bigint not null
);

-- county-level inputs (PUT /api/v1/counties/{code}/findings/{year})
create table county_finding (
    county_code text        not null,
    year        int         not null,
    version     int         not null,
    document    jsonb       not null,
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    primary key (county_code, year)
);

-- the latest evaluation per county, year and rule set: change detection for the outbox and trends
create table county_evaluation (
    county_code      text        not null,
    year             int         not null,
    rule_set         text        not null,
    rule_set_version int         not null,
    revision         bigint      not null,
    verdict          text        not null,
    based_on_reports int         not null,
    digest           text        not null,
    summary          jsonb       not null,
    computed_at      timestamptz not null default now(),
    primary key (county_code, year, rule_set)
);

create table outbox_event (
    id          bigserial primary key,
    event_id    text        not null unique,
    topic       text        not null,
    message_key text        not null,
    payload     text        not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index outbox_unsent on outbox_event (id) where sent_at is null;
