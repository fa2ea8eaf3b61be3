package io.convene.notification;

/** What happened that people are told about, and under which topic they can turn it off. */
public enum NoticeKind {
    INVITED(Topic.CHANGES, "You are invited to %s"),
    CHANGED(Topic.CHANGES, "%s was changed"),
    CANCELLED(Topic.CHANGES, "%s was cancelled"),
    REMINDER(Topic.REMINDERS, "%s starts soon"),
    MENTIONED(Topic.CHAT_MENTIONS, "You were mentioned in the chat of %s"),
    ADMITTED(Topic.CHANGES, "You were admitted to %s"),
    REMOVED(Topic.CHANGES, "You were removed from %s"),
    CALENDAR_DELETED(Topic.CHANGES, "%s was deleted from your calendar; the meeting itself is still on"),
    CALENDAR_CONFLICT(Topic.CHANGES, "%s was moved in your calendar onto another of your meetings; it keeps its time"),
    RECORDING_READY(Topic.CHANGES, "The recording of %s is ready");

    private final Topic topic;
    private final String headline;

    NoticeKind(Topic topic, String headline) {
        this.topic = topic;
        this.headline = headline;
    }

    public Topic topic() {
        return topic;
    }

    /** The one-line message, for a meeting titled {@code title}. */
    public String headline(String title) {
        return headline.formatted(title);
    }

    /** Whether it goes out by e-mail too (the in-meeting ones do not). */
    public boolean emailed() {
        return this == INVITED || this == CHANGED || this == CANCELLED || this == REMINDER;
    }

    /** What a calendar invitation carries (the invitation, its change, its cancellation). */
    public boolean invitation() {
        return this == INVITED || this == CHANGED || this == CANCELLED;
    }

    /** Invitations and changes to meetings people are in must reach them even when they get many notices. */
    public boolean urgent() {
        return topic == Topic.CHANGES;
    }
}
