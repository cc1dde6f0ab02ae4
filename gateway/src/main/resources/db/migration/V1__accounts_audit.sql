-- People (username + password) and province systems (client id + secret) who may obtain tokens.
create table account (
    name            varchar(64)  primary key,
    kind            varchar(16)  not null check (kind in ('PERSON', 'CLIENT')),
    role            varchar(32)  not null,
    jurisdiction    varchar(10),
    -- the county a SCHOOL_REPORTER's school belongs to (asked from school-service at creation); audit scoping
    county_code     varchar(6),
    secret_hash     varchar(120) not null,
    failed_attempts integer      not null default 0,
    locked_until    timestamptz,
    created_by      varchar(64),
    created_at      timestamptz  not null default now()
);
create index account_jurisdiction on account (jurisdiction);

-- Every write through the gateway: who, what, when, and how it ended.
create table audit_entry (
    id                 bigserial    primary key,
    at                 timestamptz  not null,
    actor              varchar(64)  not null,
    actor_role         varchar(32),
    actor_jurisdiction varchar(10),
    -- the 6-digit division the write concerns, best known (path, else the actor's); scopes who may read it
    division           varchar(6),
    method             varchar(10)  not null,
    path               varchar(512) not null,
    status             integer      not null,
    duration_ms        integer      not null,
    client_address     varchar(64)
);
create index audit_entry_at on audit_entry (at desc);
create index audit_entry_division on audit_entry (division, at desc);
