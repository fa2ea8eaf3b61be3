-- A whiteboard per breakout room besides the main room's.
alter table whiteboards drop constraint whiteboards_meeting_id_key;
alter table whiteboards add column room_id uuid;
create unique index whiteboards_meeting_room on whiteboards (meeting_id, coalesce(room_id, '00000000-0000-0000-0000-000000000000'));
