-- the probe's read model, fed by ProbeHandler
create table probe_item (
    code     varchar(20) primary key,
    name     text   not null,
    revision bigint not null
);
-- a row written in the same transaction as its event
create table probe_change (
    id   bigserial primary key,
    code varchar(20) not null
);
