package io.convene.storage.adapters;

import io.convene.storage.BlobStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.shared.TooLargeException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The S3 blob store against a real S3-compatible server (S3Proxy on 127.0.0.1, requests signed and
 * checked with AWS Signature Version 4): what is put comes back, whole or from an offset; the limit
 * holds; a wrong secret is refused; deleted is gone.
 */
class S3BlobStoreTest {

    static S3Proxy proxy;
    static org.jclouds.blobstore.BlobStore backing;
    static URI endpoint;

    @BeforeAll
    static void startAnObjectStore() throws Exception {
        Properties properties = new Properties();
        backing = ContextBuilder.newBuilder("transient").credentials("identity", "credential").overrides(properties)
                .build(BlobStoreContext.class).getBlobStore();
        backing.createContainerInLocation(null, "recordings");
        proxy = S3Proxy.builder().blobStore(backing).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "convene", "s3cr3t-key").build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    static S3BlobStore store(String secret) {
        return new S3BlobStore(endpoint, "us-east-1", "recordings", "convene", secret, Clock.systemUTC());
    }

    @Test
    void whatIsPutComesBackWholeOrFromAnOffsetAndGoesWhenDeleted() throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        S3BlobStore s3 = store("s3cr3t-key");

        BlobStore.Stored stored = s3.put(new ByteArrayInputStream(content), 1_000_000);

        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(backing.blobExists("recordings", stored.key())).as("in the bucket").isTrue();
        try (InputStream whole = s3.open(stored.key())) {
            assertThat(whole.readAllBytes()).isEqualTo(content);
        }
        try (InputStream tail = s3.open(stored.key(), 250_000)) {
            assertThat(tail.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, 250_000, content.length));
        }
        s3.delete(stored.key());
        assertThat(backing.blobExists("recordings", stored.key())).isFalse();
    }

    @Test
    void theLimitHoldsAndAWrongSecretIsRefused() {
        assertThatThrownBy(() -> store("s3cr3t-key").put(new ByteArrayInputStream(new byte[2000]), 1000))
                .isInstanceOf(TooLargeException.class);
        long before = backing.countBlobs("recordings");
        assertThatThrownBy(() -> store("not-the-key").put(new ByteArrayInputStream(new byte[10]), 1000))
                .hasMessageContaining("refused").hasMessageContaining("403");
        assertThat(backing.countBlobs("recordings")).isEqualTo(before);
    }
}
