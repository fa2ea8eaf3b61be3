package io.convene.storage.adapters;

import io.convene.storage.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Blobs in a bucket of an S3-compatible object store (AWS S3, MinIO, Ceph, ...), path-style, each
 * request signed with AWS Signature Version 4. A blob is spooled to a temporary file first (its
 * size checked against the limit and its SHA-256 computed for the signature), then sent in one PUT
 * (S3 takes up to 5 GB so). Reads may start at an offset (a Range request), so seeking in a
 * recording does not fetch what comes before.
 */
public final class S3BlobStore implements BlobStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final URI endpoint;
    private final String region;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public S3BlobStore(URI endpoint, String region, String bucket, String accessKey, String secretKey, Clock clock) {
        this.endpoint = endpoint;
        this.region = region;
        this.bucket = bucket;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    @Override
    public Stored put(InputStream content, long maxBytes) {
        String key = UUID.randomUUID().toString();
        Path spool = null;
        try {
            spool = Files.createTempFile("convene-s3-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = Files.newOutputStream(spool)) {
                size = BlobStore.copyAtMost(content, out, maxBytes, sha);
            }
            HttpResponse<String> answer = send("PUT", key, HexFormat.of().formatHex(sha.digest()), null,
                    HttpRequest.BodyPublishers.ofFile(spool), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("The object store refused to keep a blob: " + answer.statusCode() + " " + brief(answer.body()));
            }
            return new Stored(key, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            if (spool != null) {
                spool.toFile().delete();
            }
        }
    }

    @Override
    public InputStream open(String key) {
        return open(key, 0);
    }

    @Override
    public InputStream open(String key, long offset) {
        HttpResponse<InputStream> answer = send("GET", checked(key), EMPTY_SHA256, offset > 0 ? "bytes=" + offset + "-" : null,
                HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() != 200 && answer.statusCode() != 206) {
            try (InputStream body = answer.body()) {
                throw new IllegalStateException("The object store did not give blob " + key + ": " + answer.statusCode()
                        + " " + brief(new String(body.readNBytes(500), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return answer.body();
    }

    @Override
    public void delete(String key) {
        send("DELETE", checked(key), EMPTY_SHA256, null, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.discarding());
    }

    private <T> HttpResponse<T> send(String method, String key, String payloadSha256, String range,
                                     HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> handler) {
        String path = "/" + bucket + "/" + key;
        URI uri = endpoint.resolve(path);
        String stamp = STAMP.format(clock.instant());
        String day = stamp.substring(0, 8);
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        // the signed headers, by name in order: host, range (when asked), x-amz-content-sha256, x-amz-date
        String signedHeaders = "host;" + (range == null ? "" : "range;") + "x-amz-content-sha256;x-amz-date";
        String canonicalHeaders = "host:" + host + "\n" + (range == null ? "" : "range:" + range + "\n")
                + "x-amz-content-sha256:" + payloadSha256 + "\n" + "x-amz-date:" + stamp + "\n";
        String canonicalRequest = method + "\n" + path + "\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadSha256;
        String scope = day + "/" + region + "/s3/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
        byte[] signingKey = hmac(hmac(hmac(hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day), region), "s3"),
                "aws4_request");
        String signature = HexFormat.of().formatHex(hmac(signingKey, toSign));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).method(method, body)
                .header("x-amz-content-sha256", payloadSha256).header("x-amz-date", stamp)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException("The object store at " + endpoint + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while talking to the object store", e);
        }
    }

    private static String checked(String key) {
        return UUID.fromString(key).toString();
    }

    private static String brief(String body) {
        return body.length() > 200 ? body.substring(0, 200) : body;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
