package io.convene.admin.compliance;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.StreamResource;
import io.convene.admin.shell.Signed;
import io.convene.privacy.PrivacyRequest;
import io.convene.privacy.PrivacyRequestView;
import io.convene.privacy.PrivacyService;
import io.convene.search.SearchService;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Exports of a person's data (background, with progress, then a download) and erasures (with their certificate). */
class DataRequestsTab extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final PrivacyService privacy;
    private final PersonPicker person;
    private final Grid<PrivacyRequestView> requests = new Grid<>();
    private java.util.Map<java.util.UUID, String> names = java.util.Map.of();

    DataRequestsTab(PrivacyService privacy, SearchService search) {
        this.privacy = privacy;
        this.person = new PersonPicker(search, "Person");
        person.setId("privacy-person");
        Button export = new Button("Export their data", e -> export());
        export.setId("privacy-export");
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button erase = new Button("Erase their data…", e -> confirmErasure());
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        erase.setId("privacy-erase");
        HorizontalLayout form = Rows.wrapping(person, export, erase);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        requests.addColumn(r -> TIME.format(r.requestedAt())).setHeader("Asked at").setAutoWidth(true);
        requests.addColumn(r -> r.kind() == PrivacyRequest.Kind.EXPORT ? "Export" : "Erasure").setHeader("Kind").setAutoWidth(true);
        requests.addColumn(r -> names.getOrDefault(r.subjectId(), r.subjectId().toString())).setHeader("Person").setFlexGrow(1);
        requests.addComponentColumn(r -> {
            ProgressBar bar = new ProgressBar(0, 100, r.progress());
            bar.getElement().setAttribute("aria-label", "Progress " + r.progress() + " %");
            return bar;
        }).setHeader("Progress").setWidth("10em").setFlexGrow(0);
        requests.addColumn(r -> r.error() != null ? r.state() + ": " + r.error() : r.state().name()).setHeader("State").setAutoWidth(true);
        requests.addComponentColumn(this::outcome).setHeader("Result").setAutoWidth(true);
        requests.setAllRowsVisible(true);
        requests.getElement().setAttribute("aria-label", "Data requests");
        requests.setId("privacy-requests");
        add(form, requests);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(e -> refresh());
        refresh();
    }

    private void export() {
        SearchService.PersonHit who = person.chosen();
        if (who != null) {
            act(() -> privacy.requestExport(caller(), who.id()), "Export of " + who.name() + " started");
        }
    }

    private void confirmErasure() {
        SearchService.PersonHit who = person.chosen();
        if (who == null) {
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog("Erase " + who.name() + "'s data?",
                "Their messages, files, exports, questions, notifications, calendar links and Keycloak account go for good; "
                        + "counts and the audit trail stay under a pseudonym. This cannot be undone.", "Erase", e -> {
            try {
                PrivacyRequestView done = privacy.erase(caller(), who.id());
                showCertificate(done);
                refresh();
            } catch (DomainException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private Component outcome(PrivacyRequestView r) {
        if (r.kind() == PrivacyRequest.Kind.ERASURE && r.certificate() != null) {
            return new Button("Certificate", e -> showCertificate(r));
        }
        if (r.kind() == PrivacyRequest.Kind.EXPORT && r.state() == PrivacyRequest.State.DONE
                && (r.expiresAt() == null || r.expiresAt().isAfter(Instant.now()))) {
            Caller caller = caller();
            Anchor link = new Anchor(new StreamResource("convene-data-" + r.subjectId() + ".zip",
                    () -> privacy.download(caller, r.id()).content()), "Download ZIP");
            link.getElement().setAttribute("download", true);
            link.setId("privacy-download-" + r.id());
            return link;
        }
        return new Span();
    }

    private void showCertificate(PrivacyRequestView r) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Erasure certificate");
        dialog.add(new Pre(r.certificate() == null ? "" : r.certificate().toString().replace(",\"", ",\n\"")));
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        } catch (DomainException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        List<PrivacyRequestView> recent = privacy.recent(caller(), 50);
        names = privacy.names(Signed.user().caller(), recent.stream().map(PrivacyRequestView::subjectId).toList());
        requests.setItems(recent);
        boolean working = recent.stream().anyMatch(r -> r.state() == PrivacyRequest.State.QUEUED
                || r.state() == PrivacyRequest.State.RUNNING);
        getUI().ifPresent(ui -> ui.setPollInterval(working ? 1000 : -1));
    }

    private static Caller caller() {
        return Signed.user().caller();
    }
}
