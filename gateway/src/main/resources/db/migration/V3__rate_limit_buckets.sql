-- Token buckets of the rate limits, shared by every gateway replica (Bucket4j's PostgreSQL store: id, serialized
-- state, expiry in epoch milliseconds for the periodic clean-up of idle keys).
create table rate_limit_bucket (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
