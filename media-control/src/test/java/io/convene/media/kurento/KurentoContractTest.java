package io.convene.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.media.Feed;
import io.convene.media.MediaFailure;
import io.convene.media.MediaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kurento adapter with the real kurento-client 7.3.0 over a real WebSocket, against a KMS
 * stand-in the tests own ({@link KmsStandIn}): the exact create/subscribe/invoke/release sequences
 * for join, subscribe, leave, mute, screen share, recording, a KMS restart; meetings spread over
 * several KMS; nothing left behind after a thousand join/leave cycles.
 */
class KurentoContractTest {

    @TempDir
    static Path folder;
    static Path sample;

    KmsStandIn kms;
    KurentoMediaServer media;
    final UUID meeting = UUID.randomUUID();
    final Feed camera = new Feed(UUID.randomUUID(), Feed.Kind.CAMERA);

    /** What the adapter tells a link's owner. */
    static final class Heard implements MediaServer.MediaListener {
        final List<String> states = new CopyOnWriteArrayList<>();
        final List<MediaServer.IceCandidate> candidates = new CopyOnWriteArrayList<>();

        @Override
        public void changed(String link, String state, String medium, String reason) {
            states.add(state + (reason == null ? "" : ": " + reason));
        }

        @Override
        public void candidate(String link, MediaServer.IceCandidate candidate) {
            candidates.add(candidate);
        }
    }

    @BeforeAll
    static void aRealWebm() throws Exception {
        sample = folder.resolve("sample.webm");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=duration=3:size=160x120:rate=10", "-c:v", "libvpx", sample.toString()).inheritIO().start();
        assertThat(ffmpeg.waitFor()).as("Debian's ffmpeg makes a WebM").isZero();
    }

    @BeforeEach
    void start() throws Exception {
        kms = started(new KmsStandIn(sample));
        media = new KurentoMediaServer(kms.url(), folder.resolve("kms").toUri().toString(), folder.resolve("kms").toString());
    }

    static KmsStandIn started(KmsStandIn kms) throws InterruptedException {
        kms.start();
        await(() -> kms.getPort() > 0);
        return kms;
    }

    @AfterEach
    void stop() throws Exception {
        media.disconnect();
        kms.stop(1000);
    }

    @Test
    void aPublisherGetsAnEndpointAndItsCandidatesAndASubscriberIsConnectedToIt() {
        Heard publisher = new Heard();
        MediaServer.Negotiation published = media.publish(meeting, camera, "Gina", "v=0 offer", MediaServer.Reach.ROOM, publisher);

        assertThat(published.sdp()).isEqualTo(KmsStandIn.ANSWER);
        assertThat(kms.calls).containsExactly("create MediaPipeline", "create WebRtcEndpoint",
                "subscribe IceCandidateFound", "subscribe ConnectionStateChanged", "subscribe MediaFlowInStateChanged",
                "invoke processOffer", "invoke gatherCandidates");
        await(() -> !publisher.candidates.isEmpty());
        assertThat(publisher.candidates.get(0).candidate()).isEqualTo(KmsStandIn.CANDIDATE);
        assertThat(media.feeds(meeting)).containsExactly(camera);

        kms.calls.clear();
        Heard subscriber = new Heard();
        MediaServer.Negotiation offered = media.subscribe(meeting, camera, MediaServer.Reach.ROOM, subscriber);
        media.start(offered.link(), "v=0 answer");
        media.trickle(offered.link(), new MediaServer.IceCandidate("candidate:9 1 udp 1 127.0.1.1 5000 typ host", "0", 0));
        media.trickle(offered.link(), null);

        assertThat(offered.sdp()).isEqualTo(KmsStandIn.OFFER);
        assertThat(kms.calls).containsExactly("create WebRtcEndpoint", "subscribe IceCandidateFound",
                "subscribe ConnectionStateChanged", "subscribe MediaFlowInStateChanged", "invoke connect",
                "invoke generateOffer", "invoke gatherCandidates", "invoke processAnswer",
                "invoke addIceCandidate candidate:9 1 udp 1 127.0.1.1 5000 typ host");
        assertThat(kms.liveOfType("WebRtcEndpoint")).isEqualTo(2);
    }

    @Test
    void leavingReleasesTheEndpointAndThoseReceivingItAreToldAndReleasedToo() {
        MediaServer.Negotiation published = media.publish(meeting, camera, "Gina", "offer", MediaServer.Reach.ROOM, new Heard());
        Heard subscriber = new Heard();
        media.subscribe(meeting, camera, MediaServer.Reach.ROOM, subscriber);
        kms.calls.clear();

        media.hangUp(published.link());

        assertThat(kms.calls).containsExactlyInAnyOrder("release WebRtcEndpoint", "release WebRtcEndpoint");
        assertThat(subscriber.states).containsExactly("hangup: the feed ended");
        assertThat(media.feeds(meeting)).isEmpty();
        assertThatThrownBy(() -> media.subscribe(meeting, camera, MediaServer.Reach.ROOM, new Heard())).isInstanceOf(MediaFailure.class)
                .hasMessageContaining("No such feed");

        media.closeRoom(meeting);
        assertThat(kms.live).as("nothing left on the KMS").isEmpty();
    }

    @Test
    void aHostsMuteDisconnectsTheAudioFromEveryReceiverAndLaterReceiversGetVideoOnly() {
        MediaServer.Negotiation published = media.publish(meeting, camera, "Gina", "offer", MediaServer.Reach.ROOM, new Heard());
        media.subscribe(meeting, camera, MediaServer.Reach.ROOM, new Heard());
        kms.calls.clear();

        media.muteAudio(published.link(), true);
        media.subscribe(meeting, camera, MediaServer.Reach.ROOM, new Heard());
        media.muteAudio(published.link(), false);

        assertThat(kms.calls).containsSubsequence("invoke disconnect AUDIO", "invoke connect VIDEO", "invoke connect AUDIO",
                "invoke connect AUDIO");
    }

    @Test
    void aScreenShareIsASecondPublisherOfTheSameParticipant() {
        Feed screen = new Feed(camera.participationId(), Feed.Kind.SCREEN);
        media.publish(meeting, camera, "Gina", "offer", MediaServer.Reach.ROOM, new Heard());
        MediaServer.Negotiation shared = media.publish(meeting, screen, "Gina", "offer", MediaServer.Reach.ROOM, new Heard());

        assertThat(media.feeds(meeting)).containsExactlyInAnyOrder(camera, screen);
        assertThat(kms.liveOfType("WebRtcEndpoint")).isEqualTo(2);
        media.hangUp(shared.link());
        assertThat(media.feeds(meeting)).containsExactly(camera);
    }

    @Test
    void aRecordingMixesEveryFeedInACompositeHubIntoOneWebm() throws Exception {
        media.publish(meeting, camera, "Gina", "offer", MediaServer.Reach.ROOM, new Heard());
        UUID recording = UUID.randomUUID();
        kms.calls.clear();

        media.startRecording(meeting, recording);
        media.publish(meeting, new Feed(UUID.randomUUID(), Feed.Kind.CAMERA), "Gus", "offer", MediaServer.Reach.ROOM, new Heard());
        assertThat(kms.calls).containsSubsequence("create Composite", "create HubPort", "create RecorderEndpoint",
                "invoke connect", "create HubPort", "invoke connect", "invoke record", "create WebRtcEndpoint",
                "invoke processOffer", "create HubPort", "invoke connect");
        kms.calls.clear();

        MediaServer.RecordedMedia made = media.finishRecording(meeting, recording);

        assertThat(kms.calls).startsWith("invoke stopAndWait").contains("release Composite", "release RecorderEndpoint");
        assertThat(kms.liveOfType("HubPort") + kms.liveOfType("Composite") + kms.liveOfType("RecorderEndpoint")).isZero();
        assertThat(made.format()).isEqualTo("video/webm");
        assertThat(made.file()).exists().hasSameBinaryContentAs(sample);
        assertThat(made.duration()).isBetween(Duration.ofMillis(2500), Duration.ofMillis(3500));
    }

    @Test
    void nothingIsLeftBehindAfterAThousandJoinsAndLeaves() {
        Instant t0 = Instant.now();
        for (int i = 0; i < 1000; i++) {
            Feed someone = new Feed(UUID.randomUUID(), Feed.Kind.CAMERA);
            MediaServer.Negotiation published = media.publish(meeting, someone, "P" + i, "offer", MediaServer.Reach.ROOM, new Heard());
            MediaServer.Negotiation received = media.subscribe(meeting, someone, MediaServer.Reach.ROOM, new Heard());
            media.hangUp(received.link());
            media.hangUp(published.link());
        }
        System.out.printf("Kurento contract: 1000 join/leave cycles in %d ms%n", Duration.between(t0, Instant.now()).toMillis());
        assertThat(kms.live.values()).containsExactly("MediaPipeline");
        assertThat(kms.calls.stream().filter(c -> c.equals("create WebRtcEndpoint")).count()).isEqualTo(2000);
        assertThat(kms.calls.stream().filter(c -> c.equals("release WebRtcEndpoint")).count()).isEqualTo(2000);
        media.closeRoom(meeting);
        assertThat(kms.live).isEmpty();
    }

    @Test
    void meetingsAreSpreadOverSeveralKms() throws Exception {
        KmsStandIn second = started(new KmsStandIn(sample));
        KurentoMediaServer both = new KurentoMediaServer(kms.url() + "," + second.url(), "file:///x", "/x");
        try {
            for (int i = 0; i < 4; i++) {
                both.openRoom(UUID.randomUUID());
            }
            assertThat(kms.liveOfType("MediaPipeline")).isEqualTo(2);
            assertThat(second.liveOfType("MediaPipeline")).isEqualTo(2);
            assertThat(both.probe()).contains("7.3.0-stand-in at " + kms.url(), "7.3.0-stand-in at " + second.url());
        } finally {
            both.disconnect();
            second.stop(1000);
        }
    }

    @Test
    void aRestartedKmsGetsItsRoomsBackAndItsLinksAreToldToNegotiateAgain() {
        Heard publisher = new Heard();
        media.publish(meeting, camera, "Gina", "offer", MediaServer.Reach.ROOM, publisher);
        assertThat(kms.liveOfType("MediaPipeline")).isEqualTo(1);

        kms.restart();

        await(() -> publisher.states.contains("hangup: media server restarted"));
        await(() -> kms.liveOfType("MediaPipeline") == 1);
        assertThat(media.feeds(meeting)).as("the feed must be published again").isEmpty();
        MediaServer.Negotiation again = media.publish(meeting, camera, "Gina", "offer", MediaServer.Reach.ROOM, new Heard());
        assertThat(again.sdp()).isEqualTo(KmsStandIn.ANSWER);
    }

    static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not so after 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
