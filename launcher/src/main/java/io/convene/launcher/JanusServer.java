package io.convene.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Janus (Debian's {@code janus}) as the suite's media server: only its HTTP API, on 127.0.0.1, and
 * only the VideoRoom plugin, configured in the state folder. Started only when installed; without
 * it the suite runs and media is off.
 */
final class JanusServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JanusServer.class.getName());
    private static final Path BINARY = Path.of("/usr/bin/janus");
    private static final Path MODULES = Path.of("/usr/lib/x86_64-linux-gnu/janus");
    private static final String UNUSED_PLUGINS = "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,"
            + "libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_streaming.so,"
            + "libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so";
    private static final String UNUSED_TRANSPORTS = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,"
            + "libjanus_rabbitmq.so,libjanus_websockets.so";
    private static final String UNUSED_EVENTS = "libjanus_gelfevh.so,libjanus_mqttevh.so,libjanus_nanomsgevh.so,"
            + "libjanus_rabbitmqevh.so,libjanus_sampleevh.so,libjanus_wsevh.so";

    private final ManagedProcess process;
    private final String url;
    private final String adminKey;
    private final Path recordings;
    /** The first of the ports Janus sends and receives media on. */
    private final int rtpFrom;
    private static final int RTP_PORTS = 200;

    /** The running Janus, for the suite to watch. */
    ManagedProcess process() {
        return process;
    }

    /** Whether a (re)started Janus serves, waiting a little. */
    void awaitReady(ManagedProcess started) {
        started.awaitHttpOk(url + "/info", "janus.plugin.videoroom", Duration.ofSeconds(20));
    }

    private JanusServer(ManagedProcess process, String url, String adminKey, Path recordings, int rtpFrom) {
        this.process = process;
        this.rtpFrom = rtpFrom;
        this.url = url;
        this.adminKey = adminKey;
        this.recordings = recordings;
    }

    /** The started server, or null when Janus is not installed. */
    static JanusServer startIfInstalled(Path stateDir) {
        if (!Files.isExecutable(BINARY) || !Files.isDirectory(MODULES)) {
            LOG.warning("Media is off: Janus is not installed (apt-get install janus janus-tools ffmpeg)");
            return null;
        }
        return start(stateDir, "janus", SuiteSettings.randomSecret(), FreePorts.pick());
    }

    /**
     * A further Janus for webinars' audiences, in its own folder of the state folder, taking the same
     * VideoRoom key as the first (Convene makes rooms on both) and the media ports that follow its own.
     */
    JanusServer startForAudience(Path stateDir, int number) {
        return start(stateDir, "janus-audience-" + number, adminKey, rtpFrom + number * (RTP_PORTS + 1));
    }

    private static JanusServer start(Path stateDir, String name, String adminKey, int rtpFrom) {
        int httpPort = FreePorts.pick();
        Path dir = stateDir.toAbsolutePath().resolve(name); // absolute: Janus runs in that folder
        try {
            Files.createDirectories(dir.resolve("recordings"));
            Files.writeString(dir.resolve("janus.jcfg"), """
                    general: {
                    \tconfigs_folder = "%s"
                    \tplugins_folder = "%s/plugins"
                    \ttransports_folder = "%s/transports"
                    \tevents_folder = "%s/events"
                    \tloggers_folder = "%s/loggers"
                    \tdebug_level = 4
                    \tserver_name = "Convene media"
                    }
                    media: {
                    \trtp_port_range = "%d-%d"
                    }
                    nat: {
                    \tignore_mdns = true
                    %s
                    }
                    plugins: {
                    \tdisable = "%s"
                    }
                    transports: {
                    \tdisable = "%s"
                    }
                    loggers: {
                    \tdisable = "libjanus_jsonlog.so"
                    }
                    events: {
                    \tbroadcast = false
                    \tdisable = "%s"
                    }
                    """.formatted(dir, MODULES, MODULES, MODULES, MODULES, rtpFrom, Math.min(65535, rtpFrom + RTP_PORTS), iceInterfaces(),
                    UNUSED_PLUGINS, UNUSED_TRANSPORTS, UNUSED_EVENTS));
            Files.writeString(dir.resolve("janus.transport.http.jcfg"), """
                    general: {
                    \tjson = "compact"
                    \tbase_path = "/janus"
                    \thttp = true
                    \tport = %d
                    \tip = "127.0.0.1"
                    \thttps = false
                    }
                    admin: {
                    \tadmin_http = false
                    }
                    """.formatted(httpPort));
            // rooms named by the meeting's id; only Convene, with the key, makes or removes them
            Files.writeString(dir.resolve("janus.plugin.videoroom.jcfg"), """
                    general: {
                    \tstring_ids = true
                    \tadmin_key = "%s"
                    }
                    """.formatted(adminKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess process = ManagedProcess.start(name, List.of(BINARY.toString(), "-F", dir.toString(),
                "-C", dir.resolve("janus.jcfg").toString()), Map.of(), dir, stateDir.resolve("logs").resolve(name + ".log"));
        String url = "http://127.0.0.1:" + httpPort + "/janus";
        JanusServer server = new JanusServer(process, url, adminKey, dir.resolve("recordings"), rtpFrom);
        try {
            process.awaitHttpOk(url + "/info", "janus.plugin.videoroom", Duration.ofSeconds(20));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /**
     * The interfaces Janus offers browsers ICE candidates on: all (but loopback, which libnice
     * skips) unless {@code convene.media.ice-interfaces} names some — the media tests name the
     * veth of their network namespace, so no media leaves it.
     */
    private static String iceInterfaces() {
        String names = SuiteSettings.setting("convene.media.ice-interfaces", null);
        return names == null ? "" : "\tice_enforce_list = \"" + names.replace("\"", "") + "\"";
    }

    String url() {
        return url;
    }

    Map<String, String> applicationConfig() {
        return Map.of("convene.media.janus-url", url, "convene.media.janus-admin-key", adminKey,
                "convene.media.janus-recordings-dir", recordings.toString());
    }

    @Override
    public void close() {
        process.close();
    }
}
