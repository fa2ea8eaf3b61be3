package io.convene.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.media.Feed;
import io.convene.media.MediaServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The Kurento adapter against a real Kurento Media Server, when one is named: {@code mvn verify
 * -Dkms.url=ws://host:8888/kurento}. None can run on these machines (no package of it is reachable),
 * so without the property this is skipped, as the README says; the contract tests run always.
 */
@EnabledIfSystemProperty(named = "kms.url", matches = "wss?://.+")
class RealKmsTest {

    /** A browser's offer to send audio (Opus), as Chromium makes it, cut to what KMS needs. */
    static final String OFFER = String.join("\r\n", "v=0", "o=- 4611731400430051336 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "a=group:BUNDLE 0", "a=msid-semantic: WMS", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0", "a=ice-ufrag:Xk1q", "a=ice-pwd:Q1nTf7ybpIvnDHeL6pVO3dmD",
            "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08",
            "a=setup:actpass", "a=mid:0", "a=sendonly", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1", "");

    @Test
    void aRealKmsAnswersAPublisherAndReleasesEverything() {
        KurentoMediaServer media = new KurentoMediaServer(System.getProperty("kms.url"), "file:///tmp", "/tmp");
        UUID meeting = UUID.randomUUID();
        try {
            assertThat(media.probe()).startsWith("Kurento ");
            MediaServer.Negotiation answer = media.publish(meeting, new Feed(UUID.randomUUID(), Feed.Kind.CAMERA), "Real",
                    OFFER, MediaServer.Reach.ROOM, new KurentoContractTest.Heard());
            assertThat(answer.sdp()).contains("a=fingerprint:", "m=audio");
            media.hangUp(answer.link());
        } finally {
            media.closeRoom(meeting);
            media.disconnect();
        }
    }
}
