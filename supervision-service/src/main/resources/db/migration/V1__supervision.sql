-- supervision-service: departments, plans with targets and items, the problem ledger, evidence.

-- 责任单位: each county's catalogue of responsible departments (seeded on first use, editable).
create table department (
    county_code varchar(6)   not null,
    code        varchar(40)  not null,
    name        varchar(100) not null,
    position    int          not null,
    primary key (county_code, code)
);

-- A county's plan: the rule set its targets and its automatic problems follow.
create table county_plan (
    county_code varchar(6)   primary key,
    rule_set    varchar(64)  not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);

-- 年度目标: one row per target kind (+ stage, indicator) and year; a target holds until a later year's replaces it.
create table target (
    county_code varchar(6)     not null,
    kind        varchar(40)    not null,
    stage       varchar(20)    not null default '',
    indicator   varchar(20)    not null default '',
    year        int            not null,
    comparison  varchar(10)    not null,
    value       numeric(20, 6),
    verdict     varchar(20),
    primary key (county_code, kind, stage, indicator, year)
);

-- 任务分解: the plan's items with a lead and co-operating departments and a deadline.
create table plan_item (
    id            bigserial    primary key,
    county_code   varchar(6)   not null,
    seq           int          not null,
    section       varchar(200),
    text          text         not null,
    lead          varchar(40)  not null,
    cooperating   text[]       not null default '{}',
    deadline      date,
    ref           varchar(40),
    updated_at    timestamptz  not null,
    unique (county_code, seq)
);

-- The latest evaluation per county, year and rule set (from indicator.evaluations.v1), for target progress and
-- for telling "the item passes now" from "the item was not assessed".
create table evaluation_state (
    county_code    varchar(6)  not null,
    year           int         not null,
    rule_set       varchar(64) not null,
    revision       bigint      not null,
    verdict        varchar(20) not null,
    missing_inputs jsonb       not null,
    details        jsonb,
    received_at    timestamptz not null,
    primary key (county_code, year, rule_set)
);

-- 问题台账
create table problem (
    id           bigserial      primary key,
    problem_key  varchar(300),
    source       varchar(20)    not null,
    county_code  varchar(6)     not null,
    year         int            not null,
    rule_set     varchar(64),
    school_code  varchar(10),
    school_name  varchar(200),
    stage        varchar(20),
    ref          varchar(100),
    title        text           not null,
    hint         text,
    gap_unit     varchar(40),
    gap_amount   numeric(20, 4),
    department   varchar(40),
    owner        varchar(100),
    deadline     date,
    status       varchar(20)    not null,
    data_status  varchar(20),
    revision     bigint         not null,
    created_at   timestamptz    not null,
    updated_at   timestamptz    not null,
    unique (county_code, problem_key)
);
create index problem_by_county on problem (county_code, year, id);
create index problem_by_department on problem (county_code, department);

-- Every change of a problem: who, when, from → to, the note and what changed.
create table problem_history (
    id          bigserial    primary key,
    problem_id  bigint       not null references problem (id),
    at          timestamptz  not null,
    actor       varchar(100) not null,
    actor_role  varchar(30)  not null,
    action      varchar(30)  not null,
    from_status varchar(20),
    to_status   varchar(20),
    note        text,
    changes     jsonb
);
create index problem_history_by_problem on problem_history (problem_id, id);

-- 佐证材料: files kept in the database (durable with it, backed up with it), content type detected from the bytes.
create table evidence (
    id           uuid          primary key,
    problem_id   bigint        not null references problem (id),
    filename     varchar(255)  not null,
    content_type varchar(120)  not null,
    size         bigint        not null,
    sha256       char(64)      not null,
    content      bytea         not null,
    uploaded_by  varchar(100)  not null,
    uploaded_at  timestamptz   not null
);
create index evidence_by_problem on evidence (problem_id);

-- Every download of an evidence file (audited).
create table evidence_download (
    id           bigserial    primary key,
    evidence_id  uuid         not null references evidence (id),
    actor        varchar(100) not null,
    actor_role   varchar(30)  not null,
    at           timestamptz  not null
);
