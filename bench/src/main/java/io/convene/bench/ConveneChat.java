package io.convene.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.launcher.Suite;
import io.convene.launcher.SuiteSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Convene in the comparison: the whole suite started as ChannelBenchmark starts it (PostgreSQL,
 * Keycloak, Artemis, Payara Micro), one meeting open to guests. A participant is a guest joining
 * through the link (POST join, then the channel socket, coalescing as the join page does), in once
 * the channel's hello comes. The sender is a guest too and sends {@code chat.send} on its socket;
 * a socket's allowance (30 a second) is raised for the run, as Prosody's throttles are turned off.
 */
final class ConveneChat implements ChatServerComparison.ChatServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Suite suite;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String meetingId;
    private final String joinToken;

    static ConveneChat start(Path stateDir) throws Exception {
        if (System.getProperty("convene.channel.messages-per-second") == null) {
            System.setProperty("convene.channel.messages-per-second", "100000"); // handed on to Payara
        }
        Path runtime = Path.of(System.getProperty("convene.runtime.dir", "launcher/target/runtime"));
        Suite suite = Suite.start(SuiteSettings.forTests(stateDir, runtime));
        try {
            return new ConveneChat(suite);
        } catch (Exception e) {
            suite.close();
            throw e;
        }
    }

    private ConveneChat(Suite suite) throws Exception {
        this.suite = suite;
        base = suite.settings().httpUrl();
        String host = JSON.readTree(ChannelBenchmark.post(http, base + "/api/users/login", null, Map.of(
                "email", "hana@convene.example", "password", suite.settings().demoPassword()))).get("access_token").asText();
        ChannelBenchmark meeting = ChannelBenchmark.forMeeting(base, host, "Comparison");
        meetingId = meeting.meetingId;
        joinToken = meeting.joinToken;
    }

    @Override
    public String name() {
        return "Convene";
    }

    @Override
    public long pid() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("payara-micro")).mapToLong(ProcessHandle::pid)
                .findFirst().orElse(-1);
    }

    @Override
    public ChatServerComparison.Member member(String nick) {
        return new ChatServerComparison.Member() {
            @Override
            void open(WsClients clients) throws Exception {
                JsonNode joined = JSON.readTree(ChannelBenchmark.post(http, base + "/api/meetings/" + meetingId + "/join",
                        null, Map.of("joinToken", joinToken, "displayName", nick)));
                socket = clients.open(URI.create(base.replace("http", "ws") + "/ws/meetings/" + meetingId + "?ticket="
                        + joined.get("channelTicket").asText() + "&coalesce=true"), null, this);
            }

            @Override
            public void text(WsClients.Socket s, String frame, long now) {
                if (frame.startsWith("[")) {
                    Frames.each(frame, one -> text(s, one, now));
                } else if (frame.startsWith("{\"type\":\"hello\"")) {
                    ready.complete(null);
                } else if (frame.contains("\"event\":\"chat.message\"")) {
                    int at = frame.indexOf("\"text\":\"cmp-");
                    if (at >= 0) {
                        chat(Long.parseLong(frame, at + 12, frame.indexOf('"', at + 12), 10), now);
                    }
                } else if (frame.startsWith("{\"type\":\"error\"")) {
                    refused(frame);
                }
            }
        };
    }

    @Override
    public String chat(long seq) {
        return "{\"type\":\"chat.send\",\"clientMessageId\":\"cmp-" + seq + "\",\"text\":\"cmp-" + seq + "\"}";
    }

    @Override
    public void close() {
        suite.close();
    }
}
