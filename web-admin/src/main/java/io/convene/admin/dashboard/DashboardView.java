package io.convene.admin.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.convene.admin.shell.MainLayout;
import io.convene.admin.shell.Signed;
import io.convene.meeting.LiveMeetings;
import io.convene.operations.PartsHealth;
import io.convene.shared.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What is going on now: live meetings and people in them, today's meetings, and the health of every part. */
@Route(value = "dashboard", layout = MainLayout.class)
@PageTitle("Dashboard · Convene console")
@RolesAllowed(Caller.ADMIN)
@jakarta.enterprise.context.Dependent
public class DashboardView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final LiveMeetings meetings;
    private final PartsHealth health;
    private final FlexLayout figures = new FlexLayout();
    private final Grid<PartsHealth.Part> parts = new Grid<>();
    private final Grid<LiveMeetings.Live> live = new Grid<>();

    @Inject
    public DashboardView(LiveMeetings meetings, PartsHealth health) {
        this.meetings = meetings;
        this.health = health;
        figures.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        figures.getStyle().set("gap", "var(--lumo-space-m)");

        parts.addColumn(PartsHealth.Part::name).setHeader("Part").setAutoWidth(true);
        parts.addComponentColumn(p -> state(p.state())).setHeader("State").setAutoWidth(true);
        parts.addColumn(PartsHealth.Part::detail).setHeader("Detail").setFlexGrow(1);
        parts.addColumn(p -> p.lastError() == null ? "" : p.lastError()
                + (p.lastErrorAt() == null ? "" : " (" + TIME.format(p.lastErrorAt()) + ")")).setHeader("Last error").setFlexGrow(1);
        parts.setAllRowsVisible(true);
        parts.getElement().setAttribute("aria-label", "Health of the parts");

        live.addColumn(LiveMeetings.Live::title).setHeader("Meeting").setFlexGrow(1).setSortable(true);
        live.addColumn(LiveMeetings.Live::host).setHeader("Host").setAutoWidth(true).setSortable(true);
        live.addColumn(LiveMeetings.Live::present).setHeader("People in it").setAutoWidth(true).setSortable(true);
        live.addColumn(l -> l.since() == null ? "" : TIME.format(l.since())).setHeader("Going since").setAutoWidth(true);
        live.setAllRowsVisible(true);
        live.getElement().setAttribute("aria-label", "Live meetings");

        Button refresh = new Button("Refresh", e -> refresh());
        add(new H2("Now"), figures, refresh, new H2("Health"), parts, new H2("Live meetings"), live);
        refresh();
    }

    private void refresh() {
        Caller caller = Signed.user().caller();
        LiveMeetings.Now now = meetings.now(caller);
        figures.removeAll();
        figures.add(figure("Live meetings", now.liveMeetings()), figure("People in meetings", now.participantsNow()),
                figure("Meetings today", now.meetingsToday()));
        live.setItems(now.live());
        parts.setItems(health.check(caller));
    }

    private static Div figure(String label, long value) {
        Span number = new Span(Long.toString(value));
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span name = new Span(label);
        Div card = new Div(number, new Div(), name);
        card.getElement().setAttribute("role", "status");
        card.getElement().setAttribute("aria-label", label + ": " + value);
        card.addClassName("figure");
        card.getStyle().set("padding", "var(--lumo-space-m)").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("min-width", "10em");
        return card;
    }

    private static Span state(PartsHealth.State state) {
        Span badge = new Span(state.name());
        badge.getElement().getThemeList().add("badge " + switch (state) {
            case UP -> "success";
            case DOWN -> "error";
            case OFF -> "contrast";
        });
        return badge;
    }
}
