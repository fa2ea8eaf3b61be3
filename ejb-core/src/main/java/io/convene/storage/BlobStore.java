package io.convene.storage;

import java.io.InputStream;

/**
 * Where files live (chat attachments, recordings, exports): the port. The module {@code blob-stores}
 * implements it as one EJB ({@code ConfiguredBlobStore}: a folder by default, or an S3-compatible
 * bucket), reached with {@code @EJB}. Keys are the store's own.
 */
public interface BlobStore {

    /**
     * Stores the stream, refusing it (and keeping nothing) past {@code maxBytes}.
     * @return the new blob's key and size
     */
    Stored put(InputStream content, long maxBytes);

    /** The blob's content; the caller closes it. */
    InputStream open(String key);

    /** The blob's content from byte {@code offset} on (a player seeking in a recording); the caller closes it. */
    default InputStream open(String key, long offset) {
        InputStream in = open(key);
        try {
            in.skipNBytes(offset);
            return in;
        } catch (java.io.IOException e) {
            try {
                in.close();
            } catch (java.io.IOException ignored) {
                // the skip's failure is the news
            }
            throw new java.io.UncheckedIOException(e);
        }
    }

    void delete(String key);

    /**
     * Copies {@code content} to {@code out} (and into {@code digest}, when given), refusing it past
     * {@code maxBytes}: what every store does while it takes a blob in. The bytes copied.
     */
    static long copyAtMost(InputStream content, java.io.OutputStream out, long maxBytes, java.security.MessageDigest digest)
            throws java.io.IOException {
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = content.read(buffer)) > 0) {
            size += n;
            if (size > maxBytes) {
                throw new io.convene.shared.TooLargeException("Files are at most " + maxBytes + " bytes");
            }
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
            out.write(buffer, 0, n);
        }
        return size;
    }

    record Stored(String key, long size) {
    }
}
