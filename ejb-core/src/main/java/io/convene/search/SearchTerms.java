package io.convene.search;

import io.convene.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What someone typed, made safe for PostgreSQL: words only, each a prefix, all required. */
public final class SearchTerms {

    private SearchTerms() {
    }

    /** "quarterly rev" -> "quarterly:* & rev:*" (punctuation and operators dropped). */
    public static String prefixQuery(String typed) {
        String query = Arrays.stream(normalized(typed).split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> w + ":*").collect(Collectors.joining(" & "));
        if (query.isEmpty()) {
            throw new InvalidInputException("q", "must contain a letter or a digit");
        }
        return query;
    }

    /** Lower case, letters, digits and the characters of e-mail addresses only. */
    static String normalized(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInputException("q", "must not be empty");
        }
        if (typed.length() > 200) {
            throw new InvalidInputException("q", "must be at most 200 characters");
        }
        return typed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@._\\-\\s]", " ").replaceAll("[@._\\-]", " ").trim();
    }

    /** For people: the raw lower-case text (addresses keep their punctuation). */
    static String person(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInputException("q", "must not be empty");
        }
        if (typed.length() > 200) {
            throw new InvalidInputException("q", "must be at most 200 characters");
        }
        return typed.trim().toLowerCase(Locale.ROOT);
    }
}
