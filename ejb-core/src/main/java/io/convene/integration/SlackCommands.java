package io.convene.integration;

import io.convene.meeting.MeetingDetails;
import io.convene.meeting.MeetingDraft;
import io.convene.meeting.MeetingService;
import io.convene.platform.Sealing;
import io.convene.shared.AuthenticationFailedException;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import io.convene.shared.NotFoundException;
import io.convene.user.IdentityProvider;
import io.convene.user.User;
import io.convene.user.UserRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's {@code /convene [title]} slash command: starts an instant meeting (now, 30 minutes) for
 * the Slack user's Convene account and answers the channel with its link. The request is checked
 * against Slack's signing secret (HMAC-SHA256 of {@code v0:<timestamp>:<body>}) and refused when
 * its timestamp is more than five minutes off (replays).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the meeting is scheduled in its own transaction
public class SlackCommands {

    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    private static final Duration INSTANT_LENGTH = Duration.ofMinutes(30);
    private static final Logger LOG = Logger.getLogger(SlackCommands.class.getName());

    @Inject
    ConnectionRepository connections;

    @Inject
    Sealing sealing;

    @Inject
    UserRepository users;

    @EJB
    IdentityProvider identity;

    @EJB
    ChatProviders chats;

    @EJB
    MeetingService meetings;

    @Inject
    Clock clock;

    /** What goes back to Slack: shown to everyone in the channel, or only to the one who asked. */
    public record Reply(String response_type, String text) {
        static Reply toChannel(String text) {
            return new Reply("in_channel", text);
        }

        static Reply toAsker(String text) {
            return new Reply("ephemeral", text);
        }
    }

    public Reply handle(String body, String timestamp, String signature) {
        ServiceConnection slack = connections.of(Provider.SLACK, null)
                .filter(c -> c.signingSecretSealed() != null)
                .orElseThrow(() -> new NotFoundException("Slack commands are not set up"));
        verify(sealing.open(slack.signingSecretSealed()), timestamp, signature, body);
        Map<String, String> form = form(body);
        String slackUser = form.getOrDefault("user_id", "");
        String email;
        try {
            email = chats.slackUserEmail(slack.target(sealing), slackUser);
        } catch (IntegrationFailedException e) {
            return Reply.toAsker("Convene could not look you up in Slack: " + e.getMessage());
        }
        User user = users.byEmail(User.normalizeEmail(email)).orElse(null);
        if (user == null || user.subject() == null) {
            return Reply.toAsker("There is no Convene account for " + email + "; sign in to Convene once first.");
        }
        if (user.status() == io.convene.user.UserStatus.DISABLED) {
            return Reply.toAsker("Your Convene account is deactivated.");
        }
        if (!user.emailVerified()) {
            return Reply.toAsker("The Convene account for " + email + " has not verified its address yet.");
        }
        Set<String> roles = identity.realmRoles(user.subject());
        Caller caller = new Caller(user.subject(), user.name(), user.email(), roles, null, true);
        if (!caller.mayHost()) {
            return Reply.toAsker("Your Convene account may not host meetings.");
        }
        String text = form.getOrDefault("text", "").strip();
        String title = text.isEmpty() ? "Instant meeting" : text.length() > 200 ? text.substring(0, 200) : text;
        LocalDateTime start = LocalDateTime.ofInstant(clock.instant(), user.timeZone()).truncatedTo(ChronoUnit.SECONDS);
        try {
            MeetingDetails m = meetings.schedule(caller, new MeetingDraft(title, "Started from Slack", start.toString(),
                    start.plus(INSTANT_LENGTH).toString(), user.timeZone().getId(), null, null, null, null, List.of(), 0, null, null));
            LOG.info(() -> "Slack user " + slackUser + " started meeting " + m.id() + " as user " + user.id());
            return Reply.toChannel(user.name() + " started *" + m.title() + "*: <" + m.joinUrl() + "|join> (code "
                    + m.code() + ")");
        } catch (DomainException e) {
            return Reply.toAsker("Convene could not start the meeting: " + e.getMessage());
        }
    }

    private void verify(String signingSecret, String timestamp, String signature, String body) {
        long t;
        try {
            t = Long.parseLong(timestamp == null ? "" : timestamp.strip());
        } catch (NumberFormatException e) {
            throw new AuthenticationFailedException("Missing or bad X-Slack-Request-Timestamp");
        }
        if (Math.abs(clock.instant().getEpochSecond() - t) > REPLAY_WINDOW.toSeconds()) {
            throw new AuthenticationFailedException("Request too old (or clock skew over five minutes)");
        }
        String expected = "v0=" + hmac(signingSecret, "v0:" + t + ":" + body);
        if (signature == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new AuthenticationFailedException("Bad X-Slack-Signature");
        }
    }

    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
