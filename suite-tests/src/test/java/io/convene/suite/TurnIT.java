package io.convene.suite;

import static io.convene.suite.ConveneSuite.api;
import static io.convene.suite.Meetings.draft;
import static io.convene.suite.Meetings.schedule;
import static io.convene.suite.Meetings.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * ICE servers for admitted participants: coturn (Debian's, started with the suite) relays for the
 * TURN credentials Convene hands out, refuses them changed, and refuses them once expired.
 */
class TurnIT extends SignedInPeople {

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

    /** The TURN REST API scheme written out once more here, so a mistake in Convene's would show. */
    private static String hmac(String secret, String username) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    }
}
