package io.convene.meeting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The secure link to a meeting (it carries the join token, and the passcode key) and the details that show it. */
@ApplicationScoped
public class JoinLinks {

    @Inject
    @ConfigProperty(name = "convene.public-url", defaultValue = "http://127.0.0.1:8080")
    String publicUrl;

    /** The link; for a meeting with a passcode it carries the passcode's key ({@code p}), so nobody types it. */
    public String of(Meeting meeting) {
        String key = meeting.passcodeKey();
        return publicUrl + "/join/" + meeting.code() + "?t=" + meeting.joinToken() + (key == null ? "" : "&p=" + key);
    }

    /**
     * The link in a series' invitations: the first meeting's code and token, which lead to whichever
     * meeting of the series is live or next; with the passcode's key when the series has a passcode.
     */
    public String of(MeetingSeries series, Meeting any) {
        String key = any.passcodeKey(series.joinToken());
        return publicUrl + "/join/" + series.code() + "?t=" + series.joinToken() + (key == null ? "" : "&p=" + key);
    }

    MeetingDetails details(Meeting meeting) {
        return MeetingDetails.of(meeting, of(meeting));
    }
}
