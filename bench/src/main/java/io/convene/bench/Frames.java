package io.convene.bench;

import java.util.function.Consumer;

/** The messages of a coalesced frame (a JSON array of objects), split without parsing them. */
final class Frames {

    private Frames() {
    }

    /** Hands each top-level object of {@code array} to {@code each}, in order. */
    static void each(String array, Consumer<String> each) {
        int depth = 0;
        int start = -1;
        boolean inString = false;
        for (int i = 1; i < array.length() - 1; i++) {
            char c = array.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == '}' && --depth == 0) {
                each.accept(array.substring(start, i + 1));
            }
        }
    }
}
