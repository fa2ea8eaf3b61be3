package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.convene.launcher.Suite;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * ICE servers for admitted participants: coturn (Debian's, started with the suite) relays for the
 * TURN credentials Convene hands out, refuses them changed, and refuses them once expired; its relays
 * reach the media server, never the server's own or private addresses.
 */
class TurnIT extends SignedInPeople {

    @Test
    void noProcessShowsASecretOnItsCommandLine() throws Exception {
        Suite suite = ConveneSuite.get();
        Map<String, String> secrets = Map.of("the TURN secret", suite.applicationConfig().get("convene.turn.secret"),
                "the database password", suite.dbPassword(), "the broker password", suite.settings().brokerPassword(),
                "Keycloak's admin password", suite.settings().keycloakAdminPassword());
        int read = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                String commandLine;
                try {
                    commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                } catch (IOException gone) {
                    continue; // it exited meanwhile
                }
                read++;
                secrets.forEach((what, secret) -> assertThat(commandLine).as(what + " is on the command line `ps` shows")
                        .doesNotContain(secret));
            }
        }
        assertThat(read).as("the suite's processes, coturn among them").isGreaterThan(5);
    }

    @Test
    void anAdmittedParticipantGetsTurnCredentialsTheTurnServerAcceptsAndNobodyElseDoes() throws Exception {
        Map<String, String> config = ConveneSuite.get().applicationConfig();
        assertThat(config).as("coturn runs with the suite (.ci/run installs it)").containsKey("convene.turn.secret");
        Reply m = schedule(host, with(draft("Relayed"), "waitingRoom", true));
        String id = m.text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        String pabloP = api().post("/api/meetings/" + id + "/join", pablo, Map.of()).text("participationId");

        assertThat(api().get("/api/meetings/" + id + "/ice-servers", pablo).status()).as("in the waiting room").isEqualTo(403);
        assertThat(api().get("/api/meetings/" + id + "/ice-servers", cora).status()).as("not in the meeting").isEqualTo(404);
        assertThat(api().get("/api/meetings/" + id + "/ice-servers", null).status()).as("nobody").isEqualTo(401);
        assertThat(HostControlsIT.control(id, host, "ADMIT", pabloP).status()).isEqualTo(200);

        long before = Instant.now().getEpochSecond();
        Reply ice = api().get("/api/meetings/" + id + "/ice-servers", pablo);
        assertThat(ice.status()).as(ice.toString()).isEqualTo(200);
        JsonNode servers = ice.json().get("iceServers");
        int port = Integer.parseInt(config.get("convene.stun.urls").replaceAll(".*:", ""));
        assertThat(servers.get(0).get("urls").get(0).asText()).isEqualTo("stun:127.0.0.1:" + port);
        JsonNode turn = servers.get(1);
        assertThat(turn.get("urls")).extracting(JsonNode::asText)
                .containsExactly("turn:127.0.0.1:" + port + "?transport=udp", "turn:127.0.0.1:" + port + "?transport=tcp");
        String username = turn.get("username").asText();
        String credential = turn.get("credential").asText();
        assertThat(username).endsWith(":" + pabloP);
        assertThat(Long.parseLong(username.substring(0, username.indexOf(':'))) - before).as("an hour to live").isBetween(3590L, 3610L);

        TurnClient.Outcome relayed = TurnClient.allocate("127.0.0.1", port, username, credential);
        assertThat(relayed.allocated()).as("coturn allocates a relay: " + relayed).isTrue();
        assertThat(relayed.relayedPort()).isPositive();
        String changed = (credential.charAt(0) == 'A' ? "B" : "A") + credential.substring(1);
        assertThat(TurnClient.allocate("127.0.0.1", port, username, changed).errorCode()).as("a changed credential").isEqualTo(401);
        String expired = (Instant.now().getEpochSecond() - 60) + ":" + pabloP;
        assertThat(TurnClient.allocate("127.0.0.1", port, expired, hmac(config.get("convene.turn.secret"), expired)).errorCode())
                .as("a credential past its time, rightly signed").isEqualTo(401);
    }

    /**
     * A guest's relay reaches the media server's address only: coturn refuses permissions for the
     * server's own loopback (PostgreSQL, any local UDP service), private and link-local addresses,
     * and refuses TCP relays (RFC 6062), which browsers never need and which would reach TCP services.
     */
    @Test
    void aRelayReachesTheMediaServerButNeverTheServersOwnOrPrivateAddresses() throws Exception {
        assertThat(System.getProperty("convene.test.netns"))
                .as("TURN tests run in a network namespace: run the tests as root, as .ci/run does").isNotNull();
        Map<String, String> config = ConveneSuite.get().applicationConfig();
        int port = Integer.parseInt(config.get("convene.stun.urls").replaceAll(".*:", ""));
        int postgres = ConveneSuite.get().settings().postgresPort();
        // where Janus offers its candidates: the address of the interface the launcher gives it (cv0)
        InetAddress media = java.util.Collections.list(java.net.NetworkInterface.getByName(
                        System.getProperty("convene.media.ice-interfaces")).getInetAddresses()).stream()
                .filter(a -> a instanceof java.net.Inet4Address).findFirst().orElseThrow();
        String id = schedule(host, draft("Relay boundaries")).text("id");
        api().post("/api/meetings/" + id + "/join", host, Map.of());
        JsonNode turn = api().get("/api/meetings/" + id + "/ice-servers", host).json().get("iceServers").get(1);
        String username = turn.get("username").asText();
        String credential = turn.get("credential").asText();

        try (TurnClient.Relay relay = TurnClient.Relay.open("127.0.0.1", port, username, credential);
             DatagramSocket loopbackService = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket mediaSide = new DatagramSocket(new InetSocketAddress(media, 0))) {
            assertThat(relay.outcome().allocated()).as(relay.outcome().toString()).isTrue();
            for (String denied : List.of("127.0.0.1", "127.0.0.2", "10.0.0.1", "172.16.0.1", "192.168.1.1",
                    "169.254.169.254", "100.64.0.1")) {
                assertThat(relay.createPermission(InetAddress.getByName(denied))).as(denied).isEqualTo(403);
            }
            assertThat(relay.createPermission(media)).as("the media server's address " + media).isEqualTo(200);

            relay.send(new InetSocketAddress("127.0.0.1", loopbackService.getLocalPort()), bytes("to a local service"));
            relay.send(new InetSocketAddress("127.0.0.1", postgres), bytes("to PostgreSQL's port"));
            relay.send(new InetSocketAddress(media, mediaSide.getLocalPort()), bytes("to the media server"));
            mediaSide.setSoTimeout(5000);
            DatagramPacket relayed = new DatagramPacket(new byte[100], 100);
            mediaSide.receive(relayed);
            assertThat(new String(relayed.getData(), 0, relayed.getLength(), StandardCharsets.UTF_8)).isEqualTo("to the media server");
            // sent before that one through the same relay: had coturn passed it on, it would be here already
            loopbackService.setSoTimeout(200);
            assertThatThrownBy(() -> loopbackService.receive(new DatagramPacket(new byte[100], 100)))
                    .as("nothing reaches the local service").isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(TurnClient.allocateTcp("127.0.0.1", port, username, credential).errorCode())
                .as("no TCP relay (RFC 6062), whose Connect would reach TCP services such as PostgreSQL").isEqualTo(442);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The TURN REST API scheme written out once more here, so a mistake in Convene's would show. */
    private static String hmac(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
