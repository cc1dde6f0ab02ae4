-- The outbox moves to service-kit's one table shape (db/kit/R__balance_kit_outbox_inbox.sql):
-- event ids are text like every other service's, and rows get their id and time from the database.
alter table outbox_event alter column event_id type varchar(64) using event_id::text;
alter table outbox_event alter column id set default nextval('outbox_event_seq');
alter table outbox_event alter column created_at set default now();
