package io.convene.admin.directory;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.convene.admin.shell.FieldErrors;
import io.convene.admin.shell.MainLayout;
import io.convene.admin.shell.Signed;
import io.convene.directory.DirectoryForm;
import io.convene.directory.DirectoryReader;
import io.convene.directory.DirectoryRun;
import io.convene.directory.DirectoryRunView;
import io.convene.directory.DirectoryService;
import io.convene.directory.DirectorySettings;
import io.convene.directory.DirectoryVendor;
import io.convene.directory.DirectoryView;
import io.convene.directory.PreviewPerson;
import io.convene.directory.RoleMapping;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import io.convene.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * LDAP directories that provision people: the settings (from the vendor's preset), a connection
 * test, a preview of who would come, "sync now" with its progress and counts as it goes, and the
 * history of runs.
 */
@Route(value = "directory", layout = MainLayout.class)
@PageTitle("Directory · Convene console")
@RolesAllowed(Caller.ADMIN)
@Dependent
public class DirectoriesView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final DirectoryService directories;
    private final Select<DirectoryView> chosen = new Select<>();
    private final TextField name = new TextField("Name");
    private final Select<DirectoryVendor> vendor = new Select<>();
    private final TextField urls = new TextField("Servers (ldap:// or ldaps:// URLs, comma separated)");
    private final Select<DirectorySettings.Security> security = new Select<>();
    private final TextField bindDn = new TextField("Bind DN");
    private final PasswordField bindPassword = new PasswordField("Bind password");
    private final TextField usersDn = new TextField("People under");
    private final TextField groupsDn = new TextField("Groups under");
    private final IntegerField pageSize = new IntegerField("Page size");
    private final TextArea roles = new TextArea("Roles from groups (one per line: group DN -> role)");
    private final Checkbox enabled = new Checkbox("Sync on schedule");
    private final Span outcome = new Span();
    private final ProgressBar progress = new ProgressBar(0, 100);
    private final Span counts = new Span();
    private final Grid<DirectoryRunView> runs = new Grid<>();
    private final Grid<PreviewPerson> preview = new Grid<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private UUID watchedRun;

    @Inject
    public DirectoriesView(DirectoryService directories) {
        this.directories = directories;
        chosen.setLabel("Directory");
        chosen.setItemLabelGenerator(d -> d == null ? "" : d.name());
        chosen.addValueChangeListener(e -> show(e.getValue()));
        Button add = new Button("New directory", e -> chosen.clear());
        add.setId("directory-new");
        vendor.setLabel("Kind");
        vendor.setItems(DirectoryVendor.values());
        vendor.setValue(DirectoryVendor.OPENLDAP);
        vendor.addValueChangeListener(e -> {
            if (e.isFromClient() && chosen.getValue() == null) {
                show(null); // a new directory starts from the chosen kind's preset
            }
        });
        security.setLabel("Security");
        security.setItems(DirectorySettings.Security.values());
        pageSize.setMin(1);
        pageSize.setMax(1000);
        name.setId("directory-name");
        urls.setId("directory-urls");
        bindDn.setId("directory-bind-dn");
        bindPassword.setId("directory-bind-password");
        bindPassword.setHelperText("Left empty, the stored password stays; it is never shown");
        usersDn.setId("directory-users-dn");
        groupsDn.setId("directory-groups-dn");
        fields.putAll(Map.of("name", name, "vendor", vendor, "settings.urls", urls, "settings.security", security,
                "settings.bindDn", bindDn, "settings.pageSize", pageSize, "roleMappings", roles));
        fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).addValueChangeListener(e -> f.setInvalid(false)));

        FormLayout form = new FormLayout(name, vendor, urls, security, bindDn, bindPassword, usersDn, groupsDn, pageSize,
                enabled, roles);
        form.setColspan(urls, 2);
        form.setColspan(roles, 2);
        Button save = new Button("Save", e -> save());
        save.setId("directory-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button test = new Button("Test connection", e -> test());
        test.setId("directory-test");
        Button previewUsers = new Button("Preview users", e -> previewUsers());
        previewUsers.setId("directory-preview");
        Button sync = new Button("Sync now", e -> syncNow());
        sync.setId("directory-sync");
        progress.getElement().setAttribute("aria-label", "Sync progress");
        progress.setVisible(false);
        counts.setId("directory-counts");
        outcome.setId("directory-outcome");

        runs.addColumn(r -> TIME.format(r.queuedAt())).setHeader("Queued").setAutoWidth(true);
        runs.addColumn(r -> r.mode() + " (" + r.trigger().name().toLowerCase() + ")").setHeader("Run").setAutoWidth(true);
        runs.addColumn(r -> r.state().name()).setHeader("State").setAutoWidth(true);
        runs.addColumn(DirectoriesView::describe).setHeader("Counts").setFlexGrow(1);
        runs.addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Error").setFlexGrow(1);
        runs.setAllRowsVisible(true);
        runs.getElement().setAttribute("aria-label", "Sync runs");
        preview.addColumn(PreviewPerson::username).setHeader("Username").setAutoWidth(true);
        preview.addColumn(PreviewPerson::name).setHeader("Name").setAutoWidth(true);
        preview.addColumn(PreviewPerson::email).setHeader("E-mail").setAutoWidth(true);
        preview.addColumn(p -> p.department() == null ? "" : p.department()).setHeader("Department").setAutoWidth(true);
        preview.addColumn(p -> String.join(", ", new java.util.TreeSet<>(p.roles()))).setHeader("Roles").setAutoWidth(true);
        preview.addColumn(p -> p.disabled() ? "disabled" : "active").setHeader("Status").setAutoWidth(true);
        preview.setAllRowsVisible(true);
        preview.setId("directory-preview-people");
        preview.getElement().setAttribute("aria-label", "The first people a sync would provision");
        preview.setVisible(false);

        add(new H2("Directory"), Rows.wrapping(chosen, add), form, Rows.wrapping(save, test, previewUsers, sync),
                outcome, preview, progress, counts, new H3("Runs"), runs);
        refreshChoices(null);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(e -> watch());
    }

    private void refreshChoices(UUID select) {
        List<DirectoryView> all = directories.list(caller());
        chosen.setItems(all);
        all.stream().filter(d -> d.id().equals(select)).findFirst().ifPresentOrElse(chosen::setValue, () -> show(null));
    }

    private void show(DirectoryView d) {
        DirectorySettings s = d == null ? directories.presets(caller()).get(vendor.getValue()) : d.settings();
        name.setValue(d == null ? "" : d.name());
        vendor.setValue(d == null ? vendor.getValue() : d.vendor());
        vendor.setReadOnly(d != null);
        urls.setValue(String.join(", ", s.urls()));
        security.setValue(s.security());
        bindDn.setValue(s.bindDn() == null ? "" : s.bindDn());
        bindPassword.clear();
        usersDn.setValue(s.usersDn() == null ? "" : s.usersDn());
        groupsDn.setValue(s.groupsDn() == null ? "" : s.groupsDn());
        pageSize.setValue(s.pageSize());
        roles.setValue(d == null ? "" : String.join("\n", d.roleMappings().stream().map(m -> m.group() + " -> " + m.role()).toList()));
        enabled.setValue(d != null && d.enabled());
        runs.setItems(d == null ? List.of() : directories.runs(caller(), d.id()));
        outcome.setText("");
        preview.setVisible(false);
        counts.setText("");
        progress.setVisible(false);
    }

    private void save() {
        DirectoryView current = chosen.getValue();
        DirectorySettings base = current == null ? directories.presets(caller()).get(vendor.getValue()) : current.settings();
        DirectorySettings settings = new DirectorySettings(Arrays.stream(urls.getValue().split(",")).map(String::trim)
                .filter(u -> !u.isEmpty()).toList(), security.getValue(), bindDn.getValue().isBlank() ? null : bindDn.getValue().trim(),
                usersDn.getValue().trim(), base.userObjectClasses(), base.userFilter(), groupsDn.getValue().trim(),
                base.groupObjectClasses(), base.groupMemberAttribute(), base.memberType(), base.attributes(),
                base.disabledFlag(), base.changeMarker(), pageSize.getValue() == null ? 0 : pageSize.getValue());
        List<RoleMapping> mappings = new ArrayList<>();
        for (String line : roles.getValue().split("\n")) {
            if (!line.isBlank()) {
                int arrow = line.lastIndexOf("->");
                mappings.add(arrow < 0 ? new RoleMapping(line.trim(), "")
                        : new RoleMapping(line.substring(0, arrow).trim(), line.substring(arrow + 2).trim()));
            }
        }
        DirectoryForm form = new DirectoryForm(name.getValue().trim(), vendor.getValue(), settings,
                bindPassword.getValue().isEmpty() ? null : bindPassword.getValue(), mappings, enabled.getValue(), null, null);
        try {
            DirectoryView saved = current == null ? directories.create(caller(), form) : directories.update(caller(), current.id(), form);
            Notification.show("Saved", 2000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refreshChoices(saved.id());
        } catch (InvalidInputException e) {
            FieldErrors.show(e, name -> fields.entrySet().stream().filter(f -> name.startsWith(f.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null), outcome::setText);
        } catch (DomainException e) {
            outcome.setText(e.getMessage());
        }
    }

    private void test() {
        onSaved("Connection failed: ", d -> {
            DirectoryReader.ConnectionCheck check = directories.test(caller(), d.id());
            outcome.setText("Connected to " + check.server() + " in " + check.millis() + " ms; "
                    + (check.peopleFound() > 0 ? "people found" : "no people found under " + usersDn.getValue()) + ", "
                    + (check.groupsFound() > 0 ? "groups found" : "no groups found under " + groupsDn.getValue()));
        });
    }

    private void previewUsers() {
        onSaved("Preview failed: ", d -> {
            List<PreviewPerson> first = directories.preview(caller(), d.id());
            preview.setItems(first);
            preview.setVisible(true);
            outcome.setText(first.isEmpty() ? "Nobody found under " + usersDn.getValue()
                    : "The first " + first.size() + " people a sync would provision");
        });
    }

    private void syncNow() {
        onSaved("", d -> {
            watchedRun = directories.sync(caller(), d.id(), DirectoryRun.Mode.FULL).id();
            progress.setVisible(true);
            progress.setIndeterminate(true);
            getUI().ifPresent(ui -> ui.setPollInterval(500));
            watch();
        });
    }

    /** Acts on the chosen directory once it is saved; a refusal is shown after {@code failedPrefix}. */
    private void onSaved(String failedPrefix, java.util.function.Consumer<DirectoryView> action) {
        DirectoryView d = chosen.getValue();
        if (d == null) {
            outcome.setText("Save the directory first");
            return;
        }
        try {
            action.accept(d);
        } catch (DomainException e) {
            outcome.setText(failedPrefix + e.getMessage());
        }
    }

    /** The run being watched as it goes: counts, and progress against the last full run's size when there was one. */
    private void watch() {
        if (watchedRun == null) {
            return;
        }
        DirectoryRunView run = directories.run(caller(), watchedRun);
        List<DirectoryRunView> history = directories.runs(caller(), run.directoryId());
        counts.setText(run.state() + ": " + describe(run));
        boolean over = run.state() == DirectoryRun.State.SUCCEEDED || run.state() == DirectoryRun.State.FAILED;
        int expected = history.stream().filter(r -> r.mode() == DirectoryRun.Mode.FULL && r.state() == DirectoryRun.State.SUCCEEDED
                && !r.id().equals(run.id())).findFirst().map(DirectoryRunView::seen).orElse(0);
        double done = over ? 100 : expected > 0 ? Math.min(99, 100.0 * run.seen() / expected) : -1;
        progress.setIndeterminate(done < 0);
        progress.setValue(Math.max(0, done));
        progress.getElement().setAttribute("aria-label", "Sync progress " + (done < 0 ? "unknown" : Math.round(done) + " %"));
        runs.setItems(history);
        if (over) {
            watchedRun = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    private static String describe(DirectoryRunView r) {
        return "seen " + r.seen() + ", created " + r.created() + ", updated " + r.updated() + ", deactivated " + r.disabled()
                + ", failed " + r.failed();
    }

    private static Caller caller() {
        return Signed.user().caller();
    }
}
