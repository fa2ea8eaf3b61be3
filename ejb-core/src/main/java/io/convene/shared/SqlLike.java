package io.convene.shared;

/** Text put into a SQL {@code LIKE} pattern as itself: its wildcards and the escape character escaped (backslash). */
public final class SqlLike {

    private SqlLike() {
    }

    /** {@code text} with {@code \}, {@code %} and {@code _} escaped, to put between the pattern's own wildcards. */
    public static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
