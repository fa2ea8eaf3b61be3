package io.convene.notification;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An e-mail about a meeting to one person, with what its calendar part needs: the meeting's stable
 * UID, the SEQUENCE of this version, and whether it cancels the invitation.
 *
 * @param passcode the meeting's passcode in clear, or null when it has none
 */
public record MeetingMail(
        String to,
        String toName,
        NoticeKind kind,
        String subject,
        String uid,
        int sequence,
        String title,
        String agenda,
        Instant start,
        Instant end,
        ZoneId zone,
        String organizerName,
        String organizerEmail,
        String joinUrl,
        String code,
        String passcode) {

    public boolean cancels() {
        return kind == NoticeKind.CANCELLED;
    }
}
