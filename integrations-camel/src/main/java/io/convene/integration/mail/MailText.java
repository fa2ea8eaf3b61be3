package io.convene.integration.mail;

import io.convene.notification.MeetingMail;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The plain-text part of a meeting mail (also the invitation's DESCRIPTION). */
final class MailText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private MailText() {
    }

    static String body(MeetingMail mail) {
        StringBuilder text = new StringBuilder();
        text.append(mail.subject()).append(".\n\n");
        text.append(mail.title()).append('\n');
        text.append(WHEN.format(mail.start().atZone(mail.zone()))).append(" - ")
                .append(UNTIL.format(mail.end().atZone(mail.zone()))).append(" (").append(mail.zone().getId()).append(")\n");
        if (mail.recurrence() != null && mail.recurrence().wholeSeries()) {
            text.append("Repeats ").append(mail.recurrence().description()).append('\n');
        } else if (mail.recurrence() != null) {
            text.append("This occurrence of a recurring meeting (its other meetings stay as they are)\n");
        }
        text.append("Organizer: ").append(mail.organizerName()).append('\n');
        if (!mail.cancels()) {
            text.append("\nJoin: ").append(mail.joinUrl()).append('\n');
            text.append("Meeting code: ").append(mail.code()).append('\n');
            if (mail.passcode() != null) {
                text.append("Passcode: ").append(mail.passcode()).append('\n');
            }
        }
        if (mail.agenda() != null && !mail.agenda().isBlank()) {
            text.append("\nAgenda:\n").append(mail.agenda().strip()).append('\n');
        }
        return text.toString();
    }
}
