-- service-kit tables, one shape for every service. A repeatable migration (it runs after the service's own
-- versioned ones and again whenever this file changes), so every statement is idempotent. A service that had
-- its own outbox_event / processed_event brings them to this shape in a versioned migration of its own first.

-- transactional outbox: written in the same transaction as the change, published by OutboxRelay
create sequence if not exists outbox_event_seq;
create table if not exists outbox_event (
    id          bigint       primary key default nextval('outbox_event_seq'),
    event_id    varchar(64)  not null unique,
    topic       varchar(100) not null,
    message_key varchar(100) not null,
    event_type  varchar(60)  not null,
    revision    bigint       not null,
    payload     text         not null,
    created_at  timestamptz  not null default now(),
    sent_at     timestamptz,
    attempts    integer      not null default 0,
    last_error  text
);
create index if not exists outbox_event_unsent on outbox_event (id) where sent_at is null;

-- idempotent consumer: each consumed eventId once
create table if not exists processed_event (
    event_id     varchar(64) primary key,
    topic        varchar(100) not null,
    processed_at timestamptz  not null default now()
);

-- idempotent consumer: the newest revision applied per aggregate (older ones are ignored)
create table if not exists consumed_revision (
    aggregate  varchar(200) primary key,
    revision   bigint       not null,
    applied_at timestamptz  not null default now()
);

-- idempotent consumer: events set aside instead of applied (unreadable, or failing on their own after retries of
-- their batch), so that one bad event neither blocks its partition nor disappears; one row per consumer and position
create table if not exists parked_event (
    id              bigserial    primary key,
    consumer        varchar(200) not null,
    topic           varchar(100) not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    message_key     text,
    payload         text,
    reason          text         not null,
    parked_at       timestamptz  not null default now(),
    unique (consumer, topic, kafka_partition, kafka_offset)
);
