-- The browser a guest came from: a guest removed from a meeting cannot come back through the same link
-- from the same browser as a new guest, unless the host lets them.
alter table participations add column guest_device text;
create index participations_guest_device on participations (meeting_id, guest_device) where guest_device is not null;
