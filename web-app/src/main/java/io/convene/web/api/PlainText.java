package io.convene.web.api;

/**
 * What text the API takes in: no C0 control characters except tab, line feed and carriage return
 * (a NUL cannot even be stored: PostgreSQL refuses it), and no half of a surrogate pair on its own
 * (not Unicode; it would be stored as a question mark).
 */
final class PlainText {

    static final String CONTROL_CHARACTERS = "must not contain control characters";
    static final String BROKEN_UNICODE = "must be valid Unicode text";

    private PlainText() {
    }

    /** What is wrong with {@code text}, or null when it is fine. */
    static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return CONTROL_CHARACTERS;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return BROKEN_UNICODE;
            }
        }
        return null;
    }
}
