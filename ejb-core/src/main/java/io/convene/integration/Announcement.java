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
                           List<Target> targets, Repeats repeats) {

    /**
     * For a meeting of a recurring series. The whole series: its RRULE and the starts (as the rule
     * gave them) of the meetings cancelled on their own, the copy's EXDATEs; the announcement's start
     * and end are then the first meeting's. Or one meeting of it changed on its own: {@code occurrence}
     * is its start as the rule gave it, and {@code seriesCopy} where the series is in that calendar.
     */
    public record Repeats(String rule, List<Instant> skipped, Instant occurrence, String seriesCopy) {

        public Repeats {
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        public static Repeats series(String rule, List<Instant> skipped) {
            return new Repeats(rule, skipped, null, null);
        }

        public static Repeats occurrence(Instant occurrence, String seriesCopy) {
            return new Repeats(null, List.of(), occurrence, seriesCopy);
        }

        public boolean wholeSeries() {
            return occurrence == null;
        }
    }

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
