package io.convene.notification;

/** The port to outgoing e-mail (an SMTP adapter in {@code integrations-camel}). */
public interface MailSender {

    /** Whether mail is configured at all; without it e-mail notices are skipped, not retried. */
    boolean enabled();

    /** Checks that the mail server answers; says which, or throws saying why not. */
    String probe();

    /** Sends or throws: a failure makes the delivery roll back and be retried. */
    void send(MeetingMail mail);
}
