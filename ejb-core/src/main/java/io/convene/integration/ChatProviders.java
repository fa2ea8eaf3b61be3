package io.convene.integration;

/** The port to the chat tools, Slack and Teams (Camel routes in {@code integrations-camel}). */
public interface ChatProviders {

    /**
     * Tells one connection about a meeting; throws when it could not (after the route's own retries
     * for rate limits), which makes the delivery roll back and the broker retry it.
     */
    void announce(Announcement announcement, Announcement.Target target);

    /** A direct message from the Slack bot to the Slack user with this e-mail address. */
    void slackDirectMessage(Announcement.Target slack, String email, String text);

    /** The e-mail address of a Slack user (Slack's users.info with the connection's bot token). */
    String slackUserEmail(Announcement.Target slack, String slackUserId);

    /**
     * Asks Slack whether the connection works, sending nothing anyone sees (auth.test); answers what
     * it said, throws when it refused. Teams' incoming webhooks have no such question.
     */
    String check(Announcement.Target target);
}
