-- Live meetings: Q&A. Participants ask and upvote; the host or a co-host answers or dismisses.
create table questions (
    id          uuid primary key,
    meeting_id  uuid          not null references meetings (id) on delete cascade,
    asked_by    uuid          not null references participations (id) on delete cascade,
    text        varchar(1000) not null,
    status      varchar(10)   not null check (status in ('OPEN', 'ANSWERED', 'DISMISSED')),
    answer      varchar(4000),
    answered_by uuid references participations (id),
    asked_at    timestamptz   not null,
    closed_at   timestamptz
);
create index questions_meeting on questions (meeting_id, asked_at);

create table question_votes (
    question_id      uuid        not null references questions (id) on delete cascade,
    participation_id uuid        not null references participations (id) on delete cascade,
    voted_at         timestamptz not null,
    primary key (question_id, participation_id)
);
