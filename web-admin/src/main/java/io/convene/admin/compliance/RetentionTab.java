package io.convene.admin.compliance;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import io.convene.admin.shell.FieldErrors;
import io.convene.admin.shell.Signed;
import io.convene.privacy.Retention;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import io.convene.shared.InvalidInputException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/** Retention policies (administrators): how many days chat, notifications and meeting logs are kept; a dry run; a purge now. */
class RetentionTab extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Retention retention;
    private final IntegerField chat = days("Chat and its files", "retention-chat");
    private final IntegerField notifications = days("Notifications", "retention-notifications");
    private final IntegerField meetingLogs = days("Meeting logs", "retention-meeting-logs");
    private final IntegerField recordings = days("Recordings", "retention-recordings");
    private final Span lastPurge = new Span();
    private final Span report = new Span();
    private final Map<String, IntegerField> fields = Map.of("chatDays", chat, "notificationDays", notifications,
            "meetingLogDays", meetingLogs, "recordingDays", recordings);

    RetentionTab(Retention retention) {
        this.retention = retention;
        recordings.setHelperText("Empty keeps for ever; applies once meetings are recorded");
        lastPurge.setId("retention-last-purge");
        report.setId("retention-report");
        report.getElement().setAttribute("role", "status");
        Button save = new Button("Save policy", e -> save());
        save.setId("retention-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button dryRun = new Button("Dry run", e -> run(false));
        dryRun.setId("retention-dry-run");
        Button purge = new Button("Purge now", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Purge now?", "Everything older than the policy allows is deleted"
                    + " for good. A dry run shows how much that is.", "Purge", c -> run(true));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        purge.setId("retention-purge");
        purge.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new FormLayout(chat, notifications, meetingLogs, recordings), Rows.wrapping(save, dryRun, purge), report,
                lastPurge);
        show(retention.policy(caller()));
    }

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            show(retention.change(caller(), chat.getValue(), notifications.getValue(), meetingLogs.getValue(),
                    recordings.getValue()));
            report.setText("Policy saved");
        } catch (InvalidInputException e) {
            FieldErrors.show(e, fields::get, report::setText);
        }
    }

    private void run(boolean purge) {
        try {
            Retention.Report r = purge ? retention.purgeNow(caller()) : retention.dryRun(caller());
            report.setText((r.dryRun() ? "A purge now would delete: " : "Deleted: ") + describe(r.counts()));
            show(retention.policy(caller()));
        } catch (DomainException e) {
            report.setText(e.getMessage());
        }
    }

    private void show(Retention.Policy p) {
        chat.setValue(p.chatDays());
        notifications.setValue(p.notificationDays());
        meetingLogs.setValue(p.meetingLogDays());
        recordings.setValue(p.recordingDays());
        lastPurge.setText(p.lastPurgeAt() == null ? "Never purged yet"
                : "Last purge " + TIME.format(p.lastPurgeAt()) + ": " + describe(p.lastPurge()));
    }

    private static String describe(Map<String, Integer> counts) {
        return counts == null || counts.isEmpty() ? "nothing (every kind is kept for ever)"
                : counts.entrySet().stream().map(c -> c.getValue() + " " + c.getKey()).collect(Collectors.joining(", "));
    }

    private static IntegerField days(String label, String id) {
        IntegerField field = new IntegerField(label + " (days)");
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setHelperText("Empty keeps for ever");
        return field;
    }

    private static Caller caller() {
        return Signed.user().caller();
    }
}
