-- Reminders: minutes before the start (0: none), and when it went out (reset when the meeting moves).
alter table meetings add column reminder_minutes integer not null default 15 check (reminder_minutes between 0 and 10080);
alter table meetings add column reminded_at timestamptz;
create index meetings_reminders_due on meetings (starts_at) where status = 'SCHEDULED' and reminded_at is null;
