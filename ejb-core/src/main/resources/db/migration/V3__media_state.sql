-- Live meetings: each participant's microphone, camera and screen share, and the host's say over them.

alter table participations add column audio_on boolean not null default false;
alter table participations add column video_on boolean not null default false;
alter table participations add column sharing_screen boolean not null default false;

alter table meetings add column unmute_allowed boolean not null default true;
alter table meetings add column several_screen_shares boolean not null default false;
