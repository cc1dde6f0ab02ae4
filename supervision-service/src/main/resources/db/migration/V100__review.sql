-- Review stages (评估认定), frozen snapshots, inspections (实地督查), publication (公示) and objections.
-- Numbered from 100 so that the ledger's own migrations (V1, V2, …) and these never collide.

-- One review process per county and year: where it stands.
create table review_process (
    county_code     varchar(6)   not null,
    year            int          not null,
    stage           varchar(30)  not null,
    -- OPEN: waiting for the stage's actor; PASSED: the province passed it, waiting for publication
    status          varchar(20)  not null,
    revision        bigint       not null,
    published_at    timestamptz,
    window_closes   date,
    verdict         varchar(20),
    updated_at      timestamptz  not null,
    primary key (county_code, year)
);

-- Every step: who (name, role, jurisdiction), when, from → to, comments.
create table review_step (
    id               bigserial    primary key,
    county_code      varchar(6)   not null,
    year             int          not null,
    at               timestamptz  not null,
    actor            varchar(100) not null,
    actor_role       varchar(30)  not null,
    actor_level      varchar(20)  not null,
    action           varchar(30)  not null,
    from_stage       varchar(30),
    to_stage         varchar(30)  not null,
    comments         text,
    snapshot_version int
);
create index review_step_county on review_step (county_code, year, id);

-- The figures of record: canonical JSON kept as text (jsonb would reorder it) with its SHA-256.
create table review_snapshot (
    county_code varchar(6)  not null,
    year        int         not null,
    version     int         not null,
    stage       varchar(30) not null,
    digest      char(64)    not null,
    body        text        not null,
    taken_at    timestamptz not null,
    taken_by    varchar(100) not null,
    primary key (county_code, year, version)
);

-- Snapshots are immutable: no update, no delete, whatever the code does.
create function review_snapshot_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'review snapshots are immutable';
end;
$$;
create trigger review_snapshot_no_change before update or delete on review_snapshot
    for each row execute function review_snapshot_immutable();

-- The latest survey results per campaign (survey.results.v1), frozen into snapshots.
create table survey_state (
    county_code varchar(6)  not null,
    year        int         not null,
    survey_id   varchar(64) not null,
    revision    bigint      not null,
    closed      boolean     not null,
    payload     jsonb       not null,
    primary key (county_code, year, survey_id)
);

-- The approved annual report per school and year (school.reports.v1), what inspections compare against.
create table approved_report (
    school_code varchar(10) not null,
    year        int         not null,
    county_code varchar(6)  not null,
    school_name varchar(200),
    revision    bigint      not null,
    report      jsonb       not null,
    primary key (school_code, year)
);

create table inspection (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    year         int          not null,
    school_code  varchar(10)  not null,
    inspector    varchar(100) not null,
    inspected_on date         not null,
    tolerance    numeric(8, 6) not null,
    report_revision bigint    not null,
    recorded_by  varchar(100) not null,
    recorded_at  timestamptz  not null
);
create index inspection_county on inspection (county_code, year);

create table inspection_difference (
    inspection_id bigint        not null references inspection (id),
    field         varchar(100)  not null,
    reported      numeric(20, 4) not null,
    observed      numeric(20, 4) not null,
    -- (observed − reported) / reported; null when reported is 0
    deviation     numeric(20, 6),
    beyond        boolean       not null,
    problem_id    bigint,
    primary key (inspection_id, field)
);

-- 公示异议: the text, an optional contact, nothing else about the person.
create table objection (
    id           bigserial    primary key,
    county_code  varchar(6)   not null,
    year         int          not null,
    text         text         not null,
    contact      varchar(100),
    received_at  timestamptz  not null,
    problem_id   bigint,
    -- PENDING until the province decides: UPHELD or DISMISSED
    decision     varchar(20)  not null default 'PENDING',
    decided_by   varchar(100),
    decided_at   timestamptz,
    reason       text
);
create index objection_county on objection (county_code, year);

-- Objections taken per source (an HMAC of the address, never the address) and hour: at most 10.
create table objection_quota (
    source_hash varchar(64) not null,
    hour        timestamptz not null,
    taken       int         not null,
    primary key (source_hash, hour)
);

-- A random key per installation for the HMAC of source addresses (made on first use, shared by replicas).
create table review_secret (
    name  varchar(40) primary key,
    value bytea       not null
);
insert into review_secret (name, value) values ('objection-source', decode(md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text), 'hex'));
