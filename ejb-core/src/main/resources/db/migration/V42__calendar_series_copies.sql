-- Where each recurring series is in its host's own calendar: one recurring event there, its id.
-- (A meeting of the series changed on its own is that event's occurrence, kept in calendar_copies.)
create table calendar_series_copies (
    series_id     uuid          not null references meeting_series (id) on delete cascade,
    connection_id uuid          not null references integration_connections (id) on delete cascade,
    external_id   varchar(1024) not null,
    primary key (series_id, connection_id)
);
create index calendar_series_copies_external on calendar_series_copies (connection_id, external_id);
