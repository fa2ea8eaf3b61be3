-- Live meetings: raised hands (an ordered queue) and polls.

alter table participations add column hand_raised_at timestamptz;

create table polls (
    id          uuid primary key,
    meeting_id  uuid         not null references meetings (id) on delete cascade,
    question    varchar(500) not null,
    multiple    boolean      not null,
    anonymous   boolean      not null,
    closed_at   timestamptz,
    created_by  uuid         not null references participations (id),
    created_at  timestamptz  not null
);
create index polls_meeting on polls (meeting_id, created_at);

create table poll_options (
    id       uuid primary key,
    poll_id  uuid         not null references polls (id) on delete cascade,
    position int          not null,
    text     varchar(200) not null,
    unique (poll_id, position)
);

create table poll_votes (
    poll_id          uuid        not null references polls (id) on delete cascade,
    option_id        uuid        not null references poll_options (id) on delete cascade,
    participation_id uuid        not null references participations (id) on delete cascade,
    voted_at         timestamptz not null,
    primary key (poll_id, participation_id, option_id)
);
