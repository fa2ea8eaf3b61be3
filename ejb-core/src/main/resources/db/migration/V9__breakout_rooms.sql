-- Live meetings: breakout rooms. A participant is in at most one room (room_id); null is the main room.
create table breakout_rooms (
    id         uuid primary key,
    meeting_id uuid         not null references meetings (id) on delete cascade,
    name       varchar(100) not null,
    position   int          not null,
    unique (meeting_id, position)
);

alter table participations add column room_id uuid references breakout_rooms (id) on delete set null;

alter table meetings add column breakouts_opened_at timestamptz;
alter table meetings add column breakouts_close_at timestamptz;
create index meetings_breakouts_close on meetings (breakouts_close_at) where breakouts_close_at is not null;
