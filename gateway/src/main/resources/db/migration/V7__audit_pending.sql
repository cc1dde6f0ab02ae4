-- Proxied writes and reads of sensitive data are written here before the request goes on to the service (never a
-- write without its entry, whatever happens to the gateway afterwards), then drained into the hash chain
-- (audit_entry) with their outcome. A row whose outcome never came (the gateway stopped before the answer) is chained
-- after balance.audit.orphan-after without one. Claimed with FOR UPDATE SKIP LOCKED, so replicas drain side by side.
create table audit_pending (
    id                 bigserial    primary key,
    at                 timestamptz  not null,
    kind               varchar(32)  not null,
    actor              varchar(64)  not null,
    actor_role         varchar(32),
    actor_jurisdiction varchar(10),
    method             varchar(10)  not null,
    path               varchar(512) not null,
    client_address     varchar(64),
    -- known with the outcome: the division a gateway resource named, the status, the duration
    division           varchar(6),
    status             integer,
    duration_ms        integer,
    detail             varchar(512),
    done               boolean      not null default false
);
create index audit_pending_open on audit_pending (done, at);
