-- Chat per breakout room: a group message sent from a room is for that room (and the hosts).
alter table chat_messages add column room_id uuid;

alter table meeting_events drop constraint meeting_events_audience_check;
alter table meeting_events add constraint meeting_events_audience_check
    check (audience in ('ALL', 'HOSTS', 'ONE', 'PAIR', 'ROOM'));
alter table meeting_events add column room_id uuid;
