-- The passcode, sealed (AES-GCM, key in app_secrets) next to its hash: invitations show it, as
-- people expect of a calendar invite; checking a guess still uses only the hash.
alter table meetings add column passcode_sealed varchar(200);
