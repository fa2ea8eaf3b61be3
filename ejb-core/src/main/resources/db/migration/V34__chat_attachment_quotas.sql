-- Quotas on chat attachments and the sweep of unsent ones ask which attachments were sent, by
-- uploader and by age: indexes for those questions (a message names its attachment).
create index chat_messages_attachment on chat_messages (attachment_id) where attachment_id is not null;
create index chat_attachments_meeting_uploader on chat_attachments (meeting_id, uploader_id);
create index chat_attachments_created on chat_attachments (created_at);
