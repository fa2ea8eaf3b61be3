-- Whether the person's e-mail address is verified (Keycloak's email_verified, a directory, or an
-- administrator vouches for it). Invitations to an address attach only to a verified account.
-- Existing rows: directory users and accounts administrators created count as verified; everyone
-- else becomes verified with their next token that says so.
alter table users add column email_verified boolean not null default false;
update users set email_verified = true
 where directory_id is not null
    or subject in (select substring(target from 9) from audit_entries
                    where action = 'account.created' and target like 'account:%');
