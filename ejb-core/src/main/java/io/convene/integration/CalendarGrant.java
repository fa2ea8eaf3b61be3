package io.convene.integration;

/**
 * What a calendar provider's token endpoint gave for the code of its consent screen: the refresh
 * token (Google's: how Convene reaches the calendar from then on) and the account that consented
 * (its e-mail address, from the ID token the token endpoint sent directly).
 */
public record CalendarGrant(String refreshToken, String account) {

    @Override
    public String toString() { // never the token, in a log or an exception
        return "CalendarGrant[account=" + account + "]";
    }
}
