-- placeholder replaced by the registry schema
create table if not exists schema_baseline (id int primary key);
