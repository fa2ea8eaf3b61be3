package io.convene.notification;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An e-mail about a meeting to one person, with what its calendar part needs: the meeting's stable
 * UID, the SEQUENCE of this version, and whether it cancels the invitation.
 *
 * @param passcode     the meeting's passcode in clear, or null when it has none
 * @param recurrence   for a whole recurring series: its RRULE, its cancelled occurrences (EXDATE) and, for
 *                     one occurrence of a series, that occurrence's start as the rule gave it (RECURRENCE-ID);
 *                     null for a single meeting
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
        String passcode,
        Repeats recurrence) {

    /**
     * How the mail's meeting repeats. {@code rule} and {@code exceptions} for the whole series (the
     * mail's start and end are then the first occurrence's); {@code occurrence} (with {@code rule}
     * null) when the mail is about that one occurrence.
     */
    public record Repeats(String rule, String description, java.util.List<Instant> exceptions, Instant occurrence) {

        public boolean wholeSeries() {
            return rule != null;
        }
    }

    public boolean cancels() {
        return kind == NoticeKind.CANCELLED;
    }
}
