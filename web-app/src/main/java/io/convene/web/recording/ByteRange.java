package io.convene.web.recording;

import java.util.Optional;

/**
 * One byte range of an HTTP {@code Range} header ({@code bytes=a-b}, {@code bytes=a-},
 * {@code bytes=-n}) within a file of {@code size} bytes. Several ranges are answered with the whole
 * file (RFC 9110 allows ignoring Range); a range outside the file is unsatisfiable (416).
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    /** Empty when the whole file is to be sent; throws {@link Unsatisfiable} for a range it cannot serve. */
    static Optional<ByteRange> of(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return Optional.empty();
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        try {
            if (dash < 0) {
                return Optional.empty();
            }
            if (dash == 0) { // the last n bytes
                long n = Long.parseLong(spec.substring(1));
                if (n <= 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - n), size - 1));
            }
            long first = Long.parseLong(spec.substring(0, dash));
            long last = dash == spec.length() - 1 ? size - 1 : Math.min(size - 1, Long.parseLong(spec.substring(dash + 1)));
            if (first >= size || last < first) {
                throw new Unsatisfiable();
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a malformed Range is ignored
        }
    }

    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
