package io.convene.admin.compliance;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.convene.admin.shell.Signed;
import io.convene.privacy.PrivacyService;
import io.convene.search.SearchService;
import io.convene.shared.DomainException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** People whose data must be kept (no erasure while on hold), with why; placed and released here. */
class LegalHoldsTab extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final PrivacyService privacy;
    private final Grid<PrivacyService.LegalHold> holds = new Grid<>();
    private java.util.Map<java.util.UUID, String> names = java.util.Map.of();

    LegalHoldsTab(PrivacyService privacy, SearchService search) {
        this.privacy = privacy;
        PersonPicker person = new PersonPicker(search, "Person");
        person.setId("hold-person");
        TextField reason = new TextField("Reason");
        reason.setId("hold-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.setWidth("24em");
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        Button place = new Button("Place hold", e -> {
            SearchService.PersonHit who = person.chosen();
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Say why the data must be kept");
                reason.setInvalid(true);
            }
            if (who != null && !reason.isInvalid()) {
                act(() -> privacy.placeHold(Signed.user().caller(), who.id(), reason.getValue().trim()), "Hold placed");
                reason.clear();
            }
        });
        place.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        place.setId("hold-place");
        HorizontalLayout form = Rows.wrapping(person, reason, place);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        holds.addColumn(h -> names.getOrDefault(h.userId(), h.userId().toString())).setHeader("Person").setFlexGrow(1);
        holds.addColumn(PrivacyService.LegalHold::reason).setHeader("Reason").setFlexGrow(1);
        holds.addColumn(h -> DAY.format(h.placedAt())).setHeader("Since").setAutoWidth(true);
        holds.addComponentColumn(h -> {
            Button release = new Button("Release…", e -> {
                ConfirmDialog confirm = new ConfirmDialog("Release this hold?", "Their data may then be erased.", "Release",
                        c -> act(() -> privacy.releaseHold(Signed.user().caller(), h.userId()), "Hold released"));
                confirm.setCancelable(true);
                confirm.open();
            });
            release.getElement().setAttribute("aria-label", "Release the hold on " + names.getOrDefault(h.userId(), h.userId().toString()));
            return release;
        }).setAutoWidth(true);
        holds.setAllRowsVisible(true);
        holds.getElement().setAttribute("aria-label", "Legal holds");
        holds.setId("legal-holds");
        add(form, holds);
        refresh();
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
        List<PrivacyService.LegalHold> all = privacy.holds(Signed.user().caller());
        names = privacy.names(Signed.user().caller(), all.stream().map(PrivacyService.LegalHold::userId).toList());
        holds.setItems(all);
    }
}
