package io.convene.admin.compliance;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;
import io.convene.admin.shell.Signed;
import io.convene.recording.RecordingService;
import io.convene.recording.RecordingView;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every meeting's recordings, newest first, with their state, length and size; a ready one can be
 * downloaded here (the download is audited, as every access to a recording is).
 */
class RecordingsTab extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    RecordingsTab(RecordingService recordings) {
        Grid<RecordingService.RecordingRow> grid = new Grid<>();
        grid.addColumn(RecordingService.RecordingRow::meetingTitle).setHeader("Meeting").setFlexGrow(1);
        grid.addColumn(r -> WHEN.format(r.recording().startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(r -> r.recording().status().name().toLowerCase()).setHeader("State").setAutoWidth(true);
        grid.addColumn(r -> r.recording().durationMs() == null ? "" : seconds(r.recording().durationMs()))
                .setHeader("Length").setAutoWidth(true);
        grid.addColumn(r -> r.recording().sizeBytes() == null ? "" : (r.recording().sizeBytes() + 1023) / 1024 + " KB")
                .setHeader("Size").setAutoWidth(true);
        grid.addColumn(r -> r.recording().shared() ? "shared" : "").setHeader("With participants").setAutoWidth(true);
        grid.addComponentColumn(r -> download(recordings, r.recording())).setHeader("File").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", "Recordings");
        grid.setItems(recordings.recent(Signed.user().caller(), 200));
        add(grid);
    }

    private static com.vaadin.flow.component.Component download(RecordingService recordings, RecordingView r) {
        if (r.status() != io.convene.recording.Recording.Status.READY) {
            return new Span(r.failure() == null ? "" : r.failure());
        }
        Anchor file = new Anchor(new StreamResource("recording-" + r.id() + ".webm",
                () -> recordings.open(Signed.user().caller(), r.id(), "download (console)").from().apply(0)), "Download");
        file.setId("recording-download-" + r.id());
        file.getElement().setAttribute("download", true);
        file.getElement().setAttribute("aria-label", "Download the recording of " + WHEN.format(r.startedAt()));
        return file;
    }

    private static String seconds(long millis) {
        long s = Math.round(millis / 1000.0);
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
