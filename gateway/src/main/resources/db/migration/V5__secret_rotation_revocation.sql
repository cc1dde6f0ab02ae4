-- A client's previous secret stays valid until previous_secret_until (rotation without downtime).
alter table account add column previous_secret_hash varchar(120);
alter table account add column previous_secret_until timestamptz;

-- Tokens of a name issued before valid_after are refused (disable, delete, password change or reset, sign-out
-- everywhere). Kept for two token lifetimes, then purged.
create table token_revocation (
    name        varchar(64) primary key,
    valid_after timestamptz not null
);
