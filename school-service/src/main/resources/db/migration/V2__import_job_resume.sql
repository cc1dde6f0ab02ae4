-- Import jobs survive a restart (a rolling upgrade replaces the pod running one): the parsed rows are kept until
-- the job ends, progress is committed in the same transaction as the rows it counts, and the instance running a
-- job keeps a heartbeat on it; a job whose heartbeat stopped is claimed by another instance and resumed.
alter table import_job add column claimed_by varchar(100);
alter table import_job add column heartbeat_at timestamptz;
create index import_job_unfinished on import_job (heartbeat_at) where status in ('QUEUED', 'RUNNING');

create table import_job_row (
    job_id     uuid    not null references import_job (id) on delete cascade,
    position   integer not null, -- 0-based order of the upload
    row_number integer not null, -- as reported: the array element, or the sheet row
    payload    text,             -- the row as parsed, JSON (format-independent)
    primary key (job_id, position)
);
