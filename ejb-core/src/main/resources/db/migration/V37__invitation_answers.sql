-- An invitee's answer to the invitation (accepted, tentative, declined) and when it was given;
-- empty until they answer. The host reads the answers in the meeting's details.
alter table participations add column answer varchar(16),
                           add column answered_at timestamptz;
alter table participations add constraint participations_answer_known
    check (answer is null or answer in ('ACCEPTED', 'TENTATIVE', 'DECLINED'));
