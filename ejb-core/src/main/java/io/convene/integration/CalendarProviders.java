package io.convene.integration;

/** The port to the calendar providers, Google Calendar and Outlook (Camel routes in {@code integrations-camel}). */
public interface CalendarProviders {

    /**
     * Makes the calendar copy of a meeting follow it (insert, update or delete in the target's
     * calendar); answers the copy's id in that calendar, or null when there is none (any more).
     *
     * @param copyId the copy's id from an earlier push, or null
     */
    String push(Announcement announcement, Announcement.Target target, String copyId);

    /**
     * What changed in the target's calendar since {@code syncToken} (null: read from now on), and
     * the token to read on from next time.
     */
    CalendarChanges pullChanges(Announcement.Target target, String syncToken);

    /**
     * Asks the provider whether the connection works, sending nothing anyone sees (a fresh access
     * token); answers what the provider said, throws when it refused.
     */
    String check(Announcement.Target target);

    /**
     * Trades the code a calendar provider's consent screen sent back (OAuth 2.0 authorization code
     * with PKCE) at the provider's token endpoint; throws when the provider refused it.
     */
    CalendarGrant redeemConsent(Provider provider, String code, String verifier, String redirectUri);
}
