-- school-service schema: registry (jurisdictions, schools), annual reports with review and audit,
-- bulk import jobs, and the transactional outbox.

-- 行政区划: province -> city -> county, 6-digit administrative division codes
create table jurisdiction (
    code                varchar(6)   primary key,
    name                varchar(100) not null,
    level               varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY')),
    parent_code         varchar(6)   references jurisdiction (code),
    resident_population bigint       check (resident_population >= 0),
    revision            bigint       not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(200) not null,
    check ((level = 'PROVINCE') = (parent_code is null))
);
create index jurisdiction_parent on jurisdiction (parent_code);

-- 学校: 10-digit school identifier (学校标识码)
create table school (
    code          varchar(10)  primary key,
    name          varchar(200) not null,
    county_code   varchar(6)   not null references jurisdiction (code),
    type          varchar(20)  not null,
    location      varchar(10)  not null,
    public_school boolean      not null,
    boarding      boolean      not null,
    revision      bigint       not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(200) not null
);
create index school_county on school (county_code, code);

-- 学校年报: every revision is kept; the latest revision is the one being worked on,
-- the latest APPROVED revision is the one that counts.
create sequence report_revision_seq increment by 50;
create table report_revision (
    id               bigint       primary key,
    school_code      varchar(10)  not null references school (code),
    year             integer      not null,
    revision         integer      not null,
    status           varchar(10)  not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED')),
    body             jsonb        not null,
    rejection_reason text,
    created_at       timestamptz  not null,
    created_by       varchar(200) not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(200) not null,
    submitted_at     timestamptz,
    submitted_by     varchar(200),
    approved_at      timestamptz,
    approved_by      varchar(200),
    unique (school_code, year, revision)
);

-- the audit trail: who did what to which revision, when
create sequence report_transition_seq increment by 50;
create table report_transition (
    id          bigint       primary key,
    school_code varchar(10)  not null references school (code),
    year        integer      not null,
    revision    integer      not null,
    action      varchar(20)  not null,
    from_status varchar(10),
    to_status   varchar(10)  not null,
    actor       varchar(200) not null,
    at          timestamptz  not null,
    reason      text,
    source      varchar(80)
);
create index report_transition_report on report_transition (school_code, year, id);

-- bulk import jobs (批量导入)
create table import_job (
    id             uuid         primary key,
    county_code    varchar(6)   not null references jurisdiction (code),
    year           integer      not null,
    format         varchar(10)  not null,
    submit         boolean      not null,
    status         varchar(10)  not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total_rows     integer      not null,
    processed_rows integer      not null default 0,
    accepted_rows  integer      not null default 0,
    rejected_rows  integer      not null default 0,
    row_errors     jsonb        not null default '[]',
    failure        text,
    created_by     varchar(200) not null,
    created_at     timestamptz  not null,
    started_at     timestamptz,
    finished_at    timestamptz
);
create index import_job_county on import_job (county_code, year, created_at);

-- transactional outbox: written in the same transaction as the change, published by the relay
create sequence outbox_event_seq increment by 50;
create table outbox_event (
    id           bigint       primary key,
    event_id     uuid         not null unique,
    topic        varchar(100) not null,
    message_key  varchar(100) not null,
    event_type   varchar(60)  not null,
    revision     bigint       not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    sent_at      timestamptz,
    attempts     integer      not null default 0,
    last_error   text
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;
