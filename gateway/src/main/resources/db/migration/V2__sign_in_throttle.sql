-- Failed sign-ins per account ('account:<name>') and per source address ('source:<address>'), shared by every
-- gateway replica; replaces the per-account hard lock (anyone could keep any account locked out).
create table sign_in_throttle (
    key           varchar(200) primary key,
    failures      integer      not null,
    last_failure  timestamptz  not null,
    blocked_until timestamptz
);

alter table account drop column failed_attempts;
alter table account drop column locked_until;
