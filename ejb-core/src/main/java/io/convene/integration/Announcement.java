package io.convene.integration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What outside services are told about a meeting (chat channels, calendars): the event and the
 * meeting as it is now, with the connections to tell it to (secrets opened).
 */
public record Announcement(Event event, UUID meetingId, String title, String agenda, String code, Instant start,
                           Instant end, String timeZone, String hostName, String joinUrl, List<Attendee> attendees,
                           List<Target> targets) {

    /**
     * Someone invited, as a calendar's attendee: the host's calendar provider sends them its own
     * invitation (and Convene's e-mail does not), and tells Convene their answer.
     */
    public record Attendee(String email, String name) {
    }

    /** What happened to the meeting. */
    public enum Event {
        SCHEDULED, CHANGED, STARTED, CANCELLED;

        /** Whether a calendar copy of the meeting must follow it. */
        public boolean concernsCalendars() {
            return this != STARTED;
        }
    }

    /** One connection to deliver to: its provider, settings (JSON) and secret in clear. */
    public record Target(UUID connectionId, Provider provider, String settings, String secret) {

        @Override
        public String toString() {
            return "Target[" + connectionId + ", " + provider + "]"; // never the secret
        }
    }
}
