package io.convene.meeting;

import java.security.SecureRandom;
import java.util.Base64;

/** The two ways into a meeting: a human-friendly code and an unguessable link token. */
final class MeetingSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MeetingSecrets() {
    }

    /** Ten digits, first not zero (about 33 bits; it is a name, not a secret). */
    static String newCode() {
        return String.valueOf(1_000_000_000L + (long) (RANDOM.nextDouble() * 9_000_000_000L));
    }

    /** 256 random bits, base64url: the secret part of the join link. */
    static String newJoinToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isCode(String reference) {
        return reference != null && reference.matches("[1-9][0-9]{9}");
    }
}
