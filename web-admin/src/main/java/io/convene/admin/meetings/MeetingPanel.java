package io.convene.admin.meetings;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.convene.audit.AuditFilter;
import io.convene.audit.AuditQuery;
import io.convene.audit.AuditView;
import io.convene.meeting.ControlAction;
import io.convene.meeting.ControlRequest;
import io.convene.meeting.MeetingControls;
import io.convene.meeting.MeetingDetails;
import io.convene.meeting.MeetingDetails.Participant;
import io.convene.meeting.MeetingService;
import io.convene.meeting.MeetingStatus;
import io.convene.meeting.ParticipationState;
import io.convene.reports.MeetingAnalytics;
import io.convene.reports.MeetingReport;
import io.convene.shared.DomainException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One meeting for an administrator: its details; while it is live, who is in it with remove, and
 * mute all, lock or unlock and end for everyone (each asked to confirm where it cannot be undone);
 * its attendance and its audit trail.
 */
class MeetingPanel extends VerticalLayout {

    private static final int AUDIT_SHOWN = 200;

    private final MeetingService meetings;
    private final MeetingControls controls;
    private final MeetingAnalytics analytics;
    private final AuditQuery audit;
    private final Runnable changed;
    private final Grid<Participant> participants = new Grid<>();
    private final Grid<MeetingReport.Attendee> attendance = new Grid<>();
    private final Grid<AuditView> trail = new Grid<>();
    private UUID shown;
    private Map<UUID, String> names = Map.of();
    private String lastSeen;

    MeetingPanel(MeetingService meetings, MeetingControls controls, MeetingAnalytics analytics, AuditQuery audit,
                 Runnable changed) {
        this.meetings = meetings;
        this.controls = controls;
        this.analytics = analytics;
        this.audit = audit;
        this.changed = changed;
        setPadding(false);
        setId("meeting-panel");

        participants.addColumn(Participant::name).setHeader("Name").setFlexGrow(1);
        participants.addColumn(p -> p.email() == null ? "guest" : p.email()).setHeader("E-mail").setFlexGrow(1);
        participants.addColumn(p -> p.role().name()).setHeader("Role").setAutoWidth(true);
        participants.addColumn(p -> p.state().name()).setHeader("State").setAutoWidth(true);
        participants.addColumn(p -> (p.audioOn() ? "mic on" : "muted") + ", " + (p.videoOn() ? "camera on" : "camera off")
                + (p.sharingScreen() ? ", sharing" : "")).setHeader("Media").setAutoWidth(true);
        participants.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true);
        participants.setAllRowsVisible(true);
        participants.setId("meeting-participants");
        participants.getElement().setAttribute("aria-label", "Participants");

        attendance.addColumn(MeetingReport.Attendee::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        attendance.addColumn(a -> a.firstJoin() == null ? "" : MeetingsView.TIME.format(a.firstJoin())).setHeader("First joined").setAutoWidth(true);
        attendance.addColumn(a -> a.present() ? "still in" : a.lastLeave() == null ? "" : MeetingsView.TIME.format(a.lastLeave()))
                .setHeader("Last left").setAutoWidth(true);
        attendance.addColumn(a -> minutes(a.attendedSeconds())).setHeader("Attended").setAutoWidth(true);
        attendance.addColumn(MeetingReport.Attendee::rejoins).setHeader("Rejoins").setAutoWidth(true);
        attendance.addColumn(a -> a.engagement().chatMessages()).setHeader("Messages").setAutoWidth(true);
        attendance.setAllRowsVisible(true);
        attendance.setId("meeting-attendance");
        attendance.getElement().setAttribute("aria-label", "Attendance");

        trail.addColumn(v -> MeetingsView.TIME.format(v.at())).setHeader("When").setAutoWidth(true);
        trail.addColumn(v -> v.actorEmail() == null ? String.valueOf(v.actorUserId()) : v.actorEmail()).setHeader("Who").setAutoWidth(true);
        trail.addColumn(AuditView::action).setHeader("Action").setAutoWidth(true);
        trail.addColumn(v -> v.targetParticipationId() == null ? "" : names.getOrDefault(v.targetParticipationId(), "someone erased"))
                .setHeader("To whom").setFlexGrow(1);
        trail.setAllRowsVisible(true);
        trail.setId("meeting-audit");
        trail.getElement().setAttribute("aria-label", "The meeting's audit trail");
    }

    void show(UUID meetingId) {
        shown = meetingId;
        lastSeen = null;
        refresh();
    }

    /** Draws the meeting again when anything in it changed since it was last drawn. */
    void refresh() {
        if (shown == null) {
            removeAll();
            return;
        }
        MeetingDetails d;
        try {
            d = meetings.details(MeetingsView.caller(), shown.toString());
        } catch (DomainException e) {
            removeAll();
            add(new Span(e.getMessage()));
            return;
        }
        String seen = d.toString();
        if (seen.equals(lastSeen)) {
            return;
        }
        lastSeen = seen;
        removeAll();
        Span summary = new Span(d.status() + (d.locked() ? " · locked" : "") + " · code " + d.code() + " · "
                + MeetingsView.TIME.format(d.start()) + " to " + MeetingsView.TIME.format(d.end()) + " (" + d.timeZone()
                + ") · host " + d.host().name() + " <" + d.host().email() + ">");
        summary.setId("meeting-summary");
        add(new H3(d.title()), summary);
        if (d.agenda() != null && !d.agenda().isBlank()) {
            Span agenda = new Span(d.agenda());
            agenda.getStyle().set("white-space", "pre-line");
            add(agenda);
        }
        if (d.status() == MeetingStatus.LIVE) {
            add(new H4("In the meeting"), liveControls(d), participants);
            participants.setItems(d.participants().stream()
                    .filter(p -> p.state() == ParticipationState.JOINED || p.state() == ParticipationState.WAITING).toList());
        }
        if (d.status() != MeetingStatus.SCHEDULED && d.status() != MeetingStatus.CANCELLED) {
            attendance.setItems(analytics.meeting(MeetingsView.caller(), d.id()).attendance());
            add(new H4("Attendance"), attendance);
        }
        names = d.participants().stream()
                .collect(Collectors.toMap(Participant::participationId, Participant::name, (a, b) -> a));
        trail.setItems(audit.search(MeetingsView.caller(), new AuditFilter(null, null, null, d.id(), null, null), 0, AUDIT_SHOWN)
                .items());
        add(new H4("Audit trail"), trail);
    }

    private HorizontalLayout liveControls(MeetingDetails d) {
        Button muteAll = new Button("Mute everyone", e -> act(ControlAction.MUTE_ALL, null, "Everyone is muted"));
        muteAll.setId("meeting-mute-all");
        Button lock = d.locked()
                ? new Button("Unlock", e -> act(ControlAction.UNLOCK, null, "Unlocked: people may join again"))
                : new Button("Lock", e -> act(ControlAction.LOCK, null, "Locked: nobody else may join"));
        lock.setId("meeting-lock");
        Button end = new Button("End for everyone", e -> confirm("End " + d.title() + " for everyone?",
                "Everyone in it leaves now, and nobody can join again.", "End meeting",
                () -> act(ControlAction.END, null, "Ended")));
        end.setId("meeting-end");
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return Rows.wrapping(muteAll, lock, end);
    }

    private Button removeButton(Participant p) {
        Button remove = new Button("Remove", e -> confirm("Remove " + p.name() + "?",
                "They leave the meeting now and cannot join it again.", "Remove",
                () -> act(ControlAction.REMOVE, p.participationId(), p.name() + " was removed")));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        remove.setAriaLabel("Remove " + p.name() + " from the meeting");
        remove.setVisible(p.role() != io.convene.meeting.MeetingRole.HOST);
        return remove;
    }

    private void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, c -> action.run());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void act(ControlAction action, UUID participationId, String done) {
        try {
            controls.control(MeetingsView.caller(), shown.toString(), new ControlRequest(action, participationId));
            Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
            refresh();
        } catch (DomainException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String minutes(long seconds) {
        return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
