package io.convene.integration.mail;

import io.convene.notification.MailSender;
import io.convene.notification.MailServer;
import io.convene.notification.MeetingMail;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Meeting mail over SMTP (Jakarta Mail): a plain-text part and the iCalendar invitation as a
 * {@code text/calendar; method=...} alternative, which Outlook, Google Calendar and Thunderbird show
 * as an invitation. Without {@code convene.mail.host} mail is off.
 */
@Stateless
@Local(MailSender.class)
public class SmtpMailer implements MailSender {

    private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());

    @Inject
    MailServer server;

    @Override
    public boolean enabled() {
        return server.enabled();
    }

    @Override
    public String probe() {
        if (!enabled()) {
            throw new IllegalStateException("Mail is off: set convene.mail.host");
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(server.host(), server.port()), 3_000);
            socket.setSoTimeout(3_000);
            String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            if (greeting == null || !greeting.startsWith("220")) {
                throw new IllegalStateException(server.host() + ":" + server.port() + " did not greet as an SMTP server does");
            }
            return "SMTP server " + server.host() + ":" + server.port() + " answers";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(server.host() + ":" + server.port() + " unreachable: " + e.getMessage(), e);
        }
    }

    @Override
    public void send(MeetingMail mail) {
        if (!enabled()) {
            throw new IllegalStateException("Mail is off: set convene.mail.host");
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(server.from()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), mail.toName(), "UTF-8"));
            message.setSubject(mail.subject(), "UTF-8");
            message.setSentDate(new Date());
            message.setContent(body(mail));
            message.saveChanges();
            Transport.send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            LOG.warning(() -> "Sending mail to " + mail.to() + " via " + (server.enabled() ? server.host() : "?") + ":" + server.port() + " failed: " + e);
            throw new IllegalStateException("Sending mail failed: " + e.getMessage(), e);
        }
    }

    private static MimeMultipart body(MeetingMail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(MailText.body(mail), "UTF-8");
        String method = mail.cancels() ? "CANCEL" : "REQUEST";
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent(InvitationCalendar.of(mail).toString(), "text/calendar; charset=UTF-8; method=" + method);
        calendar.setHeader("Content-Class", "urn:content-classes:calendarmessage");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(calendar);
        return alternative;
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", String.valueOf(server.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        props.put("mail.smtp.starttls.enable", String.valueOf(server.startTls()));
        props.put("mail.smtp.starttls.required", String.valueOf(server.startTls()));
        if (server.user().isPresent()) {
            props.put("mail.smtp.auth", "true");
            return Session.getInstance(props, new jakarta.mail.Authenticator() {
                @Override
                protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                    return new jakarta.mail.PasswordAuthentication(server.user().get(), server.password());
                }
            });
        }
        return Session.getInstance(props);
    }
}
