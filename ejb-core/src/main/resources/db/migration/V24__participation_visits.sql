-- Every visit of a participant to a meeting, from entering to leaving: attendance to the second and
-- participants over time for analytics, without reading the event log.
create table participation_visits (
    participation_id uuid        not null references participations (id) on delete cascade,
    joined_at        timestamptz not null,
    left_at          timestamptz not null,
    primary key (participation_id, joined_at),
    check (left_at >= joined_at)
);

create index participations_meeting_joined on participations (meeting_id) where first_joined_at is not null;
