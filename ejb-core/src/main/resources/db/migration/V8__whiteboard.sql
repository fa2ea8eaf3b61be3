-- Live meetings: the whiteboard, kept as the ordered list of operations that built it.
create table whiteboards (
    id         uuid primary key,
    meeting_id uuid        not null unique references meetings (id) on delete cascade,
    locked     boolean     not null default false,
    last_seq   bigint      not null default 0,
    created_at timestamptz not null
);

create table whiteboard_ops (
    id         bigserial primary key,
    board_id   uuid        not null references whiteboards (id) on delete cascade,
    seq        bigint      not null,
    op_id      varchar(64) not null,
    author_id  uuid        not null references participations (id) on delete cascade,
    kind       varchar(8)  not null check (kind in ('PUT', 'DELETE', 'CLEAR', 'UNDO')),
    object_id  varchar(64),
    target_op  varchar(64),
    shape      jsonb,
    at         timestamptz not null,
    unique (board_id, seq),
    unique (board_id, author_id, op_id)
);
