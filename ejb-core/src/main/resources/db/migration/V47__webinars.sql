-- Webinars: only the hosts, co-hosts and panelists are seen and heard; everyone else watches.
alter table meetings add column webinar boolean not null default false;
alter table participations add column panelist boolean not null default false;
