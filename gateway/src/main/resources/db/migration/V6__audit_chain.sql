-- The audit trail records the gateway's own events too (sign-ins, failures, throttling, account and role changes),
-- each written in the transaction of what it records, and every entry is hash-chained to the one before it
-- (hash = SHA-256 over the previous hash and the entry's fields), so an edited or deleted row shows.
alter table audit_entry add column kind varchar(32) not null default 'REQUEST';
alter table audit_entry add column subject varchar(64);
alter table audit_entry add column detail varchar(512);
alter table audit_entry add column prev_hash char(64);
alter table audit_entry add column hash char(64);
alter table audit_entry alter column method drop not null;
alter table audit_entry alter column path drop not null;
alter table audit_entry alter column status drop not null;
alter table audit_entry alter column duration_ms drop not null;

-- The chain's head: locked by every append, so entries chain in one order across replicas.
create table audit_chain_head (
    id        integer primary key check (id = 1),
    last_id   bigint,
    last_hash char(64) not null
);
insert into audit_chain_head (id, last_id, last_hash) values (1, null, repeat('0', 64));
