package io.convene.integration;

/** The port to the outside services (Camel routes in {@code integrations-camel}). */
public interface IntegrationGateway {

    /**
     * Tells one connection about a meeting; throws when it could not (after the route's own retries
     * for rate limits), which makes the delivery roll back and the broker retry it.
     */
    void announce(Announcement announcement, Announcement.Target target);

    /**
     * Makes the calendar copy of a meeting follow it (insert, update or delete in the target's
     * calendar); answers the copy's id in that calendar, or null when there is none (any more).
     *
     * @param copyId the copy's id from an earlier push, or null
     */
    String pushToCalendar(Announcement announcement, Announcement.Target target, String copyId);

    /**
     * What changed in the target's calendar since {@code syncToken} (null: read from now on), and
     * the token to read on from next time.
     */
    CalendarChanges pullCalendarChanges(Announcement.Target target, String syncToken);

    /** A direct message from the Slack bot to the Slack user with this e-mail address. */
    void slackDirectMessage(Announcement.Target slack, String email, String text);

    /** The e-mail address of a Slack user (Slack's users.info with the connection's bot token). */
    String slackUserEmail(Announcement.Target slack, String slackUserId);

    /**
     * Asks the provider whether the connection works, sending nothing anyone sees (Slack's
     * auth.test; a fresh Google or Microsoft access token); answers what the provider said, throws
     * when it refused. Teams' incoming webhooks have no such question.
     */
    String check(Announcement.Target target);

    /**
     * Trades the code a calendar provider's consent screen sent back (OAuth 2.0 authorization code
     * with PKCE) at the provider's token endpoint; throws when the provider refused it.
     */
    CalendarGrant redeemConsent(Provider provider, String code, String verifier, String redirectUri);

    /** Makes one signed webhook request; answers the 2xx status, throws when the endpoint gave another. */
    int call(WebhookCall call);
}
