-- survey-service moves to service-kit's outbox and inbox, one table shape for every service
-- (service-kit db/kit/R__balance_kit_outbox_inbox.sql). Flyway runs versioned migrations before repeatable ones,
-- so this one only sets the old tables aside (names, keys and indexes, which would otherwise clash with the kit's);
-- the kit's repeatable migration then creates its own tables, and R__survey_kit_carry_over.sql (a repeatable that
-- sorts after the kit's: "balance kit…" < "survey kit…") carries the unsent events over and drops the old tables.
-- On a fresh database the same three steps run on empty tables.
alter table outbox_event rename to legacy_outbox_event;
alter index outbox_event_pkey rename to legacy_outbox_event_pkey;
alter index outbox_event_event_id_key rename to legacy_outbox_event_event_id_key;
alter index outbox_unsent rename to legacy_outbox_unsent;

alter table processed_event rename to legacy_processed_event;
alter index processed_event_pkey rename to legacy_processed_event_pkey;
