-- The order notifications were stored in: live push on the user's socket sends what came after the
-- last position it sent.
alter table notifications add column position bigserial;
create index notifications_user_position on notifications (user_id, position);
