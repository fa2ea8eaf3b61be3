package io.convene.notification;

import java.util.ArrayList;
import java.util.List;

/** The port to outgoing e-mail for unit tests: keeps the mails instead of sending them; configured or not. */
final class RecordingMailSender implements MailSender {

    private final boolean enabled;
    final List<MeetingMail> sent = new ArrayList<>();

    RecordingMailSender(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String probe() {
        return "recording mail sender";
    }

    @Override
    public void send(MeetingMail mail) {
        sent.add(mail);
    }
}
