package io.convene.admin.reports;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.convene.admin.shell.MainLayout;
import io.convene.admin.shell.Signed;
import io.convene.reports.ReportFormat;
import io.convene.reports.ReportJob;
import io.convene.reports.UsageChart;
import io.convene.reports.UsageQuery;
import io.convene.reports.UsageReports;
import io.convene.reports.UsageRow;
import io.convene.shared.Caller;
import io.convene.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The organisation's usage: pick the periods and the range, see the chart, export as CSV, XLSX or
 * PDF. Exports run in the background; their progress shows here as it goes and a download link
 * appears when each is ready.
 */
@Route(value = "reports", layout = MainLayout.class)
@PageTitle("Reports · Convene console")
@RolesAllowed({Caller.ADMIN, Caller.COMPLIANCE_OFFICER})
@jakarta.enterprise.context.Dependent
public class ReportsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Set<ReportJob.State> WORKING = Set.of(ReportJob.State.QUEUED, ReportJob.State.RUNNING);

    private final UsageReports reports;
    private final Select<UsageQuery.Period> period = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (last day)");
    private final VerticalLayout chart = new VerticalLayout();
    private final Grid<ReportJob> jobs = new Grid<>();

    @Inject
    public ReportsView(UsageReports reports) {
        this.reports = reports;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        period.setLabel("Period");
        period.setItems(UsageQuery.Period.values());
        period.setItemLabelGenerator(p -> switch (p) {
            case DAY -> "By day";
            case WEEK -> "By week";
            case MONTH -> "By month";
        });
        period.setValue(UsageQuery.Period.DAY);
        from.setValue(today.minusDays(13));
        to.setValue(today);
        for (DatePicker d : List.of(from, to)) {
            d.setRequiredIndicatorVisible(true);
            d.addValueChangeListener(e -> d.setInvalid(false));
        }

        Button show = new Button("Show chart", e -> showChart());
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = Rows.wrapping(period, from, to, show);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        HorizontalLayout exports = Rows.wrapping();
        for (ReportFormat f : ReportFormat.values()) {
            Button b = new Button("Export " + f.name(), e -> export(f));
            b.setId("export-" + f.name().toLowerCase());
            exports.add(b);
        }

        jobs.addColumn(j -> TIME.format(j.requestedAt())).setHeader("Asked at").setAutoWidth(true);
        jobs.addColumn(j -> j.format() + " by " + j.period().name().toLowerCase() + ", " + j.from() + " – " + j.to().minusDays(1))
                .setHeader("Report").setFlexGrow(1);
        jobs.addComponentColumn(this::progress).setHeader("Progress").setWidth("12em").setFlexGrow(0);
        jobs.addColumn(j -> j.state() == ReportJob.State.FAILED ? "Failed: " + j.failure() : j.state().name())
                .setHeader("State").setAutoWidth(true);
        jobs.addColumn(j -> j.sizeBytes() == null ? "" : j.rowsWritten() + " rows, " + j.sizeBytes() + " bytes")
                .setHeader("Size").setAutoWidth(true);
        jobs.addComponentColumn(this::download).setHeader("File").setAutoWidth(true);
        jobs.setAllRowsVisible(true);
        jobs.getElement().setAttribute("aria-label", "Report exports");

        add(new H2("Usage"), form, chart, new H2("Export"), exports, jobs);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().addPollListener(e -> refreshJobs());
        refreshJobs();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    private UsageQuery query() {
        from.setInvalid(false);
        to.setInvalid(false);
        if (from.getValue() == null || to.getValue() == null) {
            (from.getValue() == null ? from : to).setErrorMessage("Pick a day");
            (from.getValue() == null ? from : to).setInvalid(true);
            return null;
        }
        try {
            return new UsageQuery(period.getValue(), from.getValue(), to.getValue().plusDays(1));
        } catch (InvalidInputException e) {
            InvalidInputException.FieldError error = e.errors().get(0);
            DatePicker field = error.field().equals("from") ? from : to;
            field.setErrorMessage(error.message());
            field.setInvalid(true);
            return null;
        }
    }

    private void showChart() {
        UsageQuery query = query();
        if (query == null) {
            return;
        }
        List<UsageRow> rows = reports.overview(Signed.user().caller(), query);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(UsageChart.draw(query, rows, 1000, 420), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = png.toByteArray();
        Image image = new Image(new StreamResource("usage.png", () -> new ByteArrayInputStream(bytes)),
                "Chart of active users, meetings and peak concurrent participants by " + query.period().name().toLowerCase()
                        + " from " + query.from() + " to " + to.getValue());
        image.setMaxWidth("100%");
        long active = rows.stream().mapToLong(UsageRow::activeUsers).max().orElse(0);
        long meetings = rows.stream().mapToLong(UsageRow::meetings).sum();
        chart.removeAll();
        chart.add(image, new Span(meetings + " meetings in " + rows.size() + " periods; most active users in a period: " + active));
    }

    private void export(ReportFormat format) {
        UsageQuery query = query();
        if (query == null) {
            return;
        }
        reports.request(Signed.user().caller(), format, query);
        Notification.show(format + " export started; it appears below when ready", 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_PRIMARY);
        refreshJobs();
    }

    private void refreshJobs() {
        List<ReportJob> recent = reports.recent(Signed.user().caller());
        jobs.setItems(recent);
        boolean working = recent.stream().anyMatch(j -> WORKING.contains(j.state()));
        getUI().ifPresent(ui -> ui.setPollInterval(working ? 1000 : -1));
    }

    private ProgressBar progress(ReportJob job) {
        ProgressBar bar = new ProgressBar(0, 100, job.progress());
        bar.getElement().setAttribute("aria-label", "Progress " + job.progress() + " %");
        return bar;
    }

    private com.vaadin.flow.component.Component download(ReportJob job) {
        if (job.state() != ReportJob.State.READY) {
            return new Span();
        }
        Caller caller = Signed.user().caller();
        Anchor link = new Anchor(new StreamResource(job.fileName(), () -> reports.download(caller, job.id()).content()),
                "Download " + job.format());
        link.getElement().setAttribute("download", true);
        link.setId("download-" + job.id());
        return link;
    }
}
