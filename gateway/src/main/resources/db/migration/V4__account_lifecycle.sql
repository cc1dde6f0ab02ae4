-- Account lifecycle: a DEPARTMENT's department code (in its token), disabled accounts (no sign-in), a password an
-- administrator reset that must be changed at the next sign-in.
alter table account add column department varchar(32);
alter table account add column disabled boolean not null default false;
alter table account add column must_change_password boolean not null default false;
alter table account add column password_changed_at timestamptz;
