-- Which node runs each periodic job (directory syncs, retention, stranded exports...): one at a time
-- across the cluster. The holder renews its lease at every tick; another node takes over once it
-- has expired (the holder stopped).
create table job_leases (
    job        text primary key,
    holder     text not null,
    expires_at timestamptz not null
);
