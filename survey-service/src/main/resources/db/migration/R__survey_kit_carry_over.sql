-- Runs after the kit's R__balance_kit_outbox_inbox.sql (repeatables run in the order of their descriptions) and
-- again only if this file changes; it does something only while V4's set-aside tables exist, i.e. once.
--
-- Outbox: every unsent event moves into the kit's outbox_event in its original order, so no event is lost on the
-- upgrade; the kit's relay publishes it. Sent rows are history the kit would purge anyway: dropped.
--
-- Inbox: the old processed_event knew no topic, so its eventIds cannot be cleared per topic on a replay; instead
-- the kit's consumed_revision is seeded from the read model's own revisions. That keeps the de-duplication: a
-- redelivered event that was applied carries a revision no newer than the one held and is skipped; one that was
-- skipped as older is still older.
do $$
begin
    if to_regclass('legacy_outbox_event') is not null then
        insert into outbox_event (event_id, topic, message_key, event_type, revision, payload, created_at)
        select event_id, topic, event_key,
               case topic when 'survey.results.v1' then 'SurveyResultsV1' else topic end,
               coalesce((payload::jsonb ->> 'revision')::bigint, 0), payload, created_at
        from legacy_outbox_event where sent_at is null order by id
        on conflict (event_id) do nothing;
        drop table legacy_outbox_event;
    end if;
    if to_regclass('legacy_processed_event') is not null then
        insert into consumed_revision (aggregate, revision)
        select 'jurisdiction:' || code, revision from jurisdiction
        on conflict (aggregate) do nothing;
        insert into consumed_revision (aggregate, revision)
        select 'school:' || school_code, revision from school
        on conflict (aggregate) do nothing;
        drop table legacy_processed_event;
    end if;
end $$;
