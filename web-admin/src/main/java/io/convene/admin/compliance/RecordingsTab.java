package io.convene.admin.compliance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;
import io.convene.admin.shell.Signed;
import io.convene.recording.RecordingService;
import io.convene.recording.RecordingView;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Every meeting's recordings, newest first, with their state, length and size; a ready one can be
 * downloaded here (the download is audited, as every access to a recording is). Compliance officers
 * delete one here (refused while a legal hold keeps it).
 */
class RecordingsTab extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final RecordingService recordings;
    private final Grid<RecordingService.RecordingRow> grid = new Grid<>();

    RecordingsTab(RecordingService recordings) {
        this.recordings = recordings;
        grid.addColumn(RecordingService.RecordingRow::meetingTitle).setHeader("Meeting").setFlexGrow(1);
        grid.addColumn(r -> WHEN.format(r.recording().startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(r -> r.recording().status().name().toLowerCase()).setHeader("State").setAutoWidth(true);
        grid.addColumn(r -> r.recording().durationMs() == null ? "" : seconds(r.recording().durationMs()))
                .setHeader("Length").setAutoWidth(true);
        grid.addColumn(r -> r.recording().sizeBytes() == null ? "" : (r.recording().sizeBytes() + 1023) / 1024 + " KB")
                .setHeader("Size").setAutoWidth(true);
        grid.addColumn(r -> r.recording().shared() ? "shared" : "").setHeader("With participants").setAutoWidth(true);
        grid.addComponentColumn(r -> download(recordings, r.recording())).setHeader("File").setAutoWidth(true);
        if (Signed.user().roles().contains(Caller.COMPLIANCE_OFFICER)) {
            grid.addComponentColumn(this::deleteButton).setHeader("Delete").setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        grid.getElement().setAttribute("aria-label", "Recordings");
        grid.setId("recordings");
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(recordings.recent(Signed.user().caller(), 200));
    }

    private Button deleteButton(RecordingService.RecordingRow row) {
        RecordingView r = row.recording();
        String what = "the recording of " + WHEN.format(r.startedAt()) + " of " + row.meetingTitle();
        Button delete = new Button("Delete…", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete " + what + "?",
                    "The recording and its file go for good; the audit trail keeps that you deleted it.", "Delete", c -> {
                try {
                    recordings.delete(Signed.user().caller(), r.id());
                    Notification.show("Recording deleted", 3000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (DomainException ex) {
                    Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
                refresh();
            });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setId("recording-delete-" + r.id());
        delete.getElement().setAttribute("aria-label", "Delete " + what);
        return delete;
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
