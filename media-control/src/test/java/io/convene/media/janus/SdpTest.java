package io.convene.media.janus;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Convene reads from the SDP of a browser's publication and Janus's answer to it. */
class SdpTest {

    /** A browser's camera offer, as the join page sends it: Opus, and VP8 in two layers. */
    private static final String OFFER = String.join("\r\n", "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111 63", "a=mid:0", "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=sendonly", "a=rtpmap:111 opus/48000/2", "a=rtpmap:63 red/48000/2",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97", "a=mid:1", "a=extmap:13 urn:3gpp:video-orientation", "a=sendonly",
            "a=rtpmap:96 VP8/90000", "a=rtpmap:97 rtx/90000", "a=rid:h send", "a=rid:l send", "a=simulcast:send h;l", "");

    /** Janus's answer: what it takes of each section. */
    private static final String ANSWER = String.join("\r\n", "v=0", "o=- 3 4 IN IP4 127.0.0.1", "s=VideoRoom", "t=0 0",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0", "a=recvonly", "a=rtpmap:111 opus/48000/2",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97", "a=mid:1", "a=recvonly", "a=rtpmap:96 VP8/90000", "a=rtpmap:97 rtx/90000",
            "a=extmap:13 urn:3gpp:video-orientation", "m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "a=mid:2", "");

    @Test
    void theMidsOfOneKindOfMedia() {
        assertThat(Sdp.mids(ANSWER, "audio")).containsExactly("0");
        assertThat(Sdp.mids(ANSWER, "video")).containsExactly("1");
        assertThat(Sdp.mids(null, "video")).isEmpty();
    }

    @Test
    void aPublicationsStreamsAsAnotherJanusIsToldThem() {
        List<JsonObject> streams = Sdp.streams(ANSWER, OFFER).getValuesAs(JsonObject.class);

        assertThat(streams).hasSize(2); // the data channel's section is not a stream to relay
        assertThat(streams.get(0).toString()).isEqualTo(
                "{\"type\":\"audio\",\"mindex\":0,\"mid\":\"0\",\"codec\":\"opus\",\"audiolevel_ext_id\":1}");
        assertThat(streams.get(1).toString()).isEqualTo(
                "{\"type\":\"video\",\"mindex\":1,\"mid\":\"1\",\"codec\":\"vp8\",\"videoorient_ext_id\":13,\"simulcast\":true}");
    }

    @Test
    void aSectionJanusTurnedDownIsADisabledStream() {
        String refused = ANSWER.replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97", "m=video 0 UDP/TLS/RTP/SAVPF 0");

        assertThat(Sdp.streams(refused, OFFER).getJsonObject(1).toString())
                .isEqualTo("{\"type\":\"video\",\"mindex\":1,\"mid\":\"1\",\"disabled\":true}");
    }
}
