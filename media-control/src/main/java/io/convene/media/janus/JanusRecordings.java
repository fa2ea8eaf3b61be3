package io.convene.media.janus;

import io.convene.media.MediaFailure;
import io.convene.media.MediaServer.RecordedMedia;
import io.convene.media.tools.MediaTools;
import io.convene.shared.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Janus's side of recordings. Each room records into a folder of its own under the recordings
 * folder (VideoRoom's {@code rec_dir}), one {@code .mjr} file per stream of each publisher. When a
 * recording stops, its files move into a folder named by the recording; {@code janus-pp-rec} turns
 * each into Opus or WebM, and {@code ffmpeg} composes them into one WebM: the videos side by side
 * in a grid, the audio mixed, each placed at the moment it started.
 */
final class JanusRecordings {

    private static final Logger LOG = Logger.getLogger(JanusRecordings.class.getName());
    private static final int TILE_WIDTH = 320;
    private static final int TILE_HEIGHT = 240;

    private final Path base;
    private final String ppRec;
    private final String ffmpeg;
    private final String ffprobe;

    JanusRecordings(Path base, String ppRec, String ffmpeg, String ffprobe) {
        this.base = base;
        this.ppRec = ppRec;
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    /** Where Janus writes a room's recordings. */
    Path roomFolder(UUID meetingId) {
        return base.resolve(meetingId.toString());
    }

    /** The recording's files (closed by Janus), moved into its own folder, composed into one WebM. */
    RecordedMedia finish(UUID meetingId, UUID recordingId) {
        Path folder = roomFolder(meetingId).resolve(recordingId.toString());
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(roomFolder(meetingId))) {
                for (Path mjr : files.filter(f -> f.getFileName().toString().endsWith(".mjr")).toList()) {
                    Files.move(mjr, folder.resolve(mjr.getFileName()));
                }
            }
            RecordedMedia made = compose(folder);
            cleanUp(folder, made.file());
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("Recording " + recordingId + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** One stream of one publisher, converted: its file, whether audio, and when it started (µs). */
    private record Track(Path file, boolean audio, long startMicros) {
    }

    private RecordedMedia compose(Path folder) throws IOException {
        List<Track> tracks = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path mjr : files.filter(f -> f.getFileName().toString().endsWith(".mjr")).sorted().toList()) {
                JsonObject header = header(mjr);
                boolean audio = "a".equals(header.getString("t", ""));
                if (!audio && !"v".equals(header.getString("t", ""))) {
                    continue; // data channels
                }
                Path converted = folder.resolve(mjr.getFileName().toString().replace(".mjr", audio ? ".opus" : ".webm"));
                MediaTools.run(folder, "janus-pp-rec", List.of(ppRec, mjr.toString(), converted.toString()));
                if (Files.exists(converted) && Files.size(converted) > 0) {
                    long start = header.containsKey("u") ? header.getJsonNumber("u").longValue() : header.getJsonNumber("s").longValue();
                    tracks.add(new Track(converted, audio, start));
                }
            }
        }
        if (tracks.isEmpty()) {
            throw new MediaFailure("Nothing was recorded: no published audio or video while recording");
        }
        Path out = folder.resolve("recording.webm");
        long t0 = System.nanoTime();
        MediaTools.run(folder, "ffmpeg", command(tracks, out));
        Duration duration = MediaTools.duration(folder, ffprobe, out);
        long took = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(() -> "Composed " + tracks.size() + " tracks into " + duration.toMillis() + " ms of WebM in " + took + " ms");
        return new RecordedMedia(out, "video/webm", duration);
    }

    /** ffmpeg: every track an input; videos padded at the start to when they began, tiled; audio delayed and mixed. */
    private List<String> command(List<Track> tracks, Path out) {
        long first = tracks.stream().mapToLong(Track::startMicros).min().orElse(0);
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y"));
        tracks.forEach(t -> command.addAll(List.of("-i", t.file().toString())));
        StringBuilder graph = new StringBuilder();
        List<String> videos = new ArrayList<>();
        List<String> audios = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            double offset = (t.startMicros() - first) / 1_000_000.0;
            if (t.audio()) {
                String label = "a" + audios.size();
                graph.append("[%d:a]adelay=%d:all=1[%s];".formatted(i, Math.round(offset * 1000), label));
                audios.add(label);
            } else {
                String label = "v" + videos.size();
                graph.append(("[%d:v]fps=15,scale=%d:%d:force_original_aspect_ratio=decrease,pad=%d:%d:(ow-iw)/2:(oh-ih)/2,"
                        + "setsar=1,tpad=start_duration=%.3f:start_mode=add:color=black[%s];")
                        .formatted(i, TILE_WIDTH, TILE_HEIGHT, TILE_WIDTH, TILE_HEIGHT, offset, label));
                videos.add(label);
            }
        }
        if (videos.size() > 1) {
            graph.append(labels(videos)).append("xstack=inputs=").append(videos.size()).append(":layout=")
                    .append(grid(videos.size())).append(":fill=black[v];");
        } else if (videos.size() == 1) {
            graph.append("[v0]null[v];");
        }
        if (audios.size() > 1) {
            graph.append(labels(audios)).append("amix=inputs=").append(audios.size()).append(":duration=longest:normalize=0[a];");
        } else if (audios.size() == 1) {
            graph.append("[a0]anull[a];");
        }
        command.addAll(List.of("-filter_complex", graph.substring(0, graph.length() - 1)));
        if (!videos.isEmpty()) {
            command.addAll(List.of("-map", "[v]", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "800k"));
        }
        if (!audios.isEmpty()) {
            command.addAll(List.of("-map", "[a]", "-c:a", "libopus", "-b:a", "64k"));
        }
        command.add(out.toString());
        return command;
    }

    private static String labels(List<String> names) {
        return names.stream().map(n -> "[" + n + "]").reduce("", String::concat);
    }

    /** xstack's layout for {@code n} equal tiles, row by row in a square-ish grid. */
    static String grid(int n) {
        int columns = (int) Math.ceil(Math.sqrt(n));
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells.add((i % columns) * TILE_WIDTH + "_" + (i / columns) * TILE_HEIGHT);
        }
        return String.join("|", cells);
    }

    private JsonObject header(Path mjr) {
        String json = MediaTools.run(mjr.getParent(), "janus-pp-rec -j", List.of(ppRec, "-j", mjr.toString()));
        int from = json.indexOf('{');
        int to = json.lastIndexOf('}');
        if (from < 0 || to < from) {
            throw new MediaFailure("janus-pp-rec printed no header for " + mjr.getFileName());
        }
        try (JsonReader reader = Jsons.createReader(new StringReader(json.substring(from, to + 1)))) {
            return reader.readObject();
        }
    }

    /** What was only a step on the way goes: the originals, the converted tracks, the log. */
    private static void cleanUp(Path folder, Path keep) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!f.equals(keep)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        LOG.fine(() -> "Recording folder " + folder + " cleaned up");
    }
}
