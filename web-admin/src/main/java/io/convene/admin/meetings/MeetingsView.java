package io.convene.admin.meetings;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.convene.admin.shell.MainLayout;
import io.convene.admin.shell.Signed;
import io.convene.audit.AuditQuery;
import io.convene.meeting.MeetingControls;
import io.convene.meeting.MeetingListing;
import io.convene.meeting.MeetingListing.Phase;
import io.convene.meeting.MeetingService;
import io.convene.reports.MeetingAnalytics;
import io.convene.search.SearchTerms;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every meeting, upcoming, live, past or cancelled, filtered by words and a start range and paged
 * by the database; the chosen one's details beside it (see {@link MeetingPanel}).
 */
@Route(value = "meetings", layout = MainLayout.class)
@PageTitle("Meetings · Convene console")
@RolesAllowed(Caller.ADMIN)
@Dependent
public class MeetingsView extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MeetingListing listing;
    private final Select<Phase> phase = new Select<>();
    private final TextField words = new TextField("Words of the title or agenda");
    private final DatePicker from = new DatePicker("Starting from");
    private final DatePicker to = new DatePicker("Starting until (last day)");
    private final Grid<MeetingListing.Row> grid = new Grid<>();
    private final MeetingPanel panel;
    private Registration polling;

    @Inject
    public MeetingsView(MeetingListing listing, MeetingService meetings, MeetingControls controls,
                        MeetingAnalytics analytics, AuditQuery audit) {
        this.listing = listing;
        this.panel = new MeetingPanel(meetings, controls, analytics, audit, () -> grid.getDataProvider().refreshAll());
        phase.setLabel("Show");
        phase.setItems(Phase.values());
        phase.setItemLabelGenerator(p -> p.name().charAt(0) + p.name().substring(1).toLowerCase(Locale.ROOT));
        phase.setValue(Phase.LIVE);
        phase.setId("meeting-phase");
        words.setId("meeting-words");
        words.setClearButtonVisible(true);
        words.setValueChangeMode(ValueChangeMode.LAZY);
        from.setId("meeting-from");
        to.setId("meeting-to");

        grid.addColumn(MeetingListing.Row::title).setHeader("Title").setFlexGrow(1);
        grid.addColumn(MeetingListing.Row::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.startsAt())).setHeader("Starts").setAutoWidth(true);
        grid.addColumn(r -> TIME.format(r.endsAt())).setHeader("Ends").setAutoWidth(true);
        grid.addColumn(r -> r.hostName() + " <" + r.hostEmail() + ">").setHeader("Host").setFlexGrow(1);
        grid.addColumn(r -> r.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.present() + " / " + r.invited()).setHeader("In it / invited").setAutoWidth(true);
        grid.setPageSize(50);
        grid.setHeight("18em");
        grid.setId("meetings");
        grid.getElement().setAttribute("aria-label", "Meetings");
        grid.setItems(DataProvider.fromFilteringCallbacks(
                q -> listing.page(caller(), filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, listing.count(caller(), filter()))));
        grid.asSingleSelect().addValueChangeListener(e -> panel.show(e.getValue() == null ? null : e.getValue().id()));

        phase.addValueChangeListener(e -> refresh());
        words.addValueChangeListener(e -> refresh());
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());

        HorizontalLayout filters = Rows.wrapping(phase, words, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Meetings"), filters, grid, panel);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(3000); // who is in a live meeting changes while one looks at it
        polling = event.getUI().addPollListener(e -> panel.refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }

    /** Checks the filters next to their fields; the grid asks again only when they are valid. */
    private void refresh() {
        words.setInvalid(false);
        to.setInvalid(false);
        if (!words.isEmpty()) {
            try {
                SearchTerms.prefixQuery(words.getValue());
            } catch (InvalidInputException e) {
                words.setErrorMessage(e.errors().get(0).message());
                words.setInvalid(true);
                return;
            }
        }
        if (from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue())) {
            to.setErrorMessage("must be on or after the first day");
            to.setInvalid(true);
            return;
        }
        grid.getDataProvider().refreshAll();
    }

    private MeetingListing.Filter filter() {
        boolean valid = !words.isInvalid() && !to.isInvalid();
        return new MeetingListing.Filter(phase.getValue(), valid ? words.getValue() : null,
                valid ? day(from.getValue()) : null, valid && to.getValue() != null ? day(to.getValue().plusDays(1)) : null);
    }

    private static Instant day(LocalDate d) {
        return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Caller caller() {
        return Signed.user().caller();
    }
}
