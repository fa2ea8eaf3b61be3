package io.convene.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as it happened: scheduled against actual times, how many were in it over time, and
 * each person's attendance and engagement (attendance counted to the second over all visits).
 */
public record MeetingReport(UUID meetingId, String title, String status, Instant scheduledStart, Instant scheduledEnd,
                            Instant actualStart, Instant actualEnd, long durationSeconds, int peakParticipants,
                            List<Point> participantsOverTime, List<Attendee> attendance, Engagement totals) {

    /** From {@code at} on, {@code count} people were in the meeting. */
    public record Point(Instant at, int count) {
    }

    public record Attendee(UUID participationId, String name, String email, String role, boolean guest,
                           Instant firstJoin, Instant lastLeave, boolean present, long attendedSeconds, int joins,
                           int rejoins, Engagement engagement) {
    }

    public record Engagement(int chatMessages, int reactions, int handsRaised, int pollAnswers, int questionsAsked) {

        Engagement plus(Engagement o) {
            return new Engagement(chatMessages + o.chatMessages, reactions + o.reactions, handsRaised + o.handsRaised,
                    pollAnswers + o.pollAnswers, questionsAsked + o.questionsAsked);
        }
    }
}
