-- The host asked, when scheduling, that the meeting be recorded from its start: recording begins
-- once the meeting is live and its media room open, as if the host had pressed "Record".
alter table meetings add column record_on_start boolean not null default false;
