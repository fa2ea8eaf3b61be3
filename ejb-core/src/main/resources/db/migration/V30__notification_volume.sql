-- How many notifications went out, per day (UTC) and channel: the console's sent-volume chart.
-- Counted as they are sent, so purging old notifications (retention, erasure) leaves it as it was;
-- it holds no one's data.
create table notification_volume (
    day     date        not null,
    channel varchar(10) not null check (channel in ('IN_APP', 'EMAIL', 'SLACK')),
    sent    bigint      not null check (sent >= 0),
    primary key (day, channel)
);

insert into notification_volume (day, channel, sent)
select (sent_at at time zone 'UTC')::date, 'IN_APP', count(*) from notifications group by 1;
