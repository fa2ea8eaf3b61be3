package io.convene.web.meeting;

import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The id a guest's browser keeps for Convene: random, made at the first guest join and sent back
 * with every later one, so a guest removed from a meeting is known when they come back through the
 * same link. It proves nothing about anyone; it only names a browser.
 */
final class GuestDeviceCookie {

    static final String NAME = "convene_device";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ONE_YEAR = 365 * 24 * 3600;

    private GuestDeviceCookie() {
    }

    /** The browser's id if it sent a well-formed one, else a new one. */
    static String idFrom(String sent) {
        if (sent != null && WELL_FORMED.matcher(sent).matches()) {
            return sent;
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Kept by the browser for a year, sent only to the meetings API, never readable by scripts. */
    static NewCookie of(String id, boolean secure) {
        return new NewCookie.Builder(NAME).value(id).path("/api/meetings").maxAge(ONE_YEAR).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
