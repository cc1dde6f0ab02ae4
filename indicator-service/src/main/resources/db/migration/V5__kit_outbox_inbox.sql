-- indicator-service moves onto service-kit's outbox and inbox, whose tables (db/kit/R__balance_kit_outbox_inbox.sql)
-- have the same names as this service's own but another shape. Flyway runs every versioned migration before the
-- repeatable one, so this brings the old tables to the kit's shape in place and the kit's "create ... if not exists"
-- then leaves them be:
-- * outbox_event keeps every row: an event written before the upgrade and not yet sent is published by the kit's
--   relay afterwards (none is lost); sent rows are purged by the relay after balance.outbox.retention.
-- * processed_event keeps every consumed eventId, so a redelivered or replayed event is still applied once.
-- consumed_revision (newest revision per aggregate) is new and starts empty: the read model's upserts keep their
-- own "where revision < excluded.revision" guard, so an older revision after the upgrade still changes nothing.

-- outbox_event: the kit's names and types, plus event_type, revision, attempts and last_error
alter sequence outbox_event_id_seq rename to outbox_event_seq;
alter index outbox_unsent rename to outbox_event_unsent;
alter table outbox_event
    alter column event_id type varchar(64),
    alter column topic type varchar(100),
    alter column message_key type varchar(100),
    add column event_type varchar(60),
    add column revision bigint,
    add column attempts integer not null default 0,
    add column last_error text;
-- every row this service ever wrote is an EvaluationChangedV1 (indicator.evaluations.v1) carrying its revision
update outbox_event set event_type = 'EvaluationChangedV1',
    revision = coalesce((payload::jsonb ->> 'revision')::bigint, 0);
alter table outbox_event
    alter column event_type set not null,
    alter column revision set not null;

-- processed_event: the kit's types, rows kept
alter table processed_event
    alter column event_id type varchar(64),
    alter column topic type varchar(100);
