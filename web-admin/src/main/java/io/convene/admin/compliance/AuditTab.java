package io.convene.admin.compliance;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.server.StreamResource;
import io.convene.admin.shell.Signed;
import io.convene.audit.AuditFilter;
import io.convene.audit.AuditQuery;
import io.convene.audit.AuditView;
import io.convene.shared.Caller;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The audit trail, filtered and paged by the database, and exported as CSV (the export itself audited). */
class AuditTab extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int PAGE = 50;

    private final TextField action = new TextField("Action starts with");
    private final TextField target = new TextField("Target");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (last day)");

    AuditTab(AuditQuery audit) {
        Grid<AuditView> entries = new Grid<>();
        entries.addColumn(v -> TIME.format(v.at())).setHeader("When").setAutoWidth(true);
        entries.addColumn(v -> v.actorEmail() == null ? String.valueOf(v.actorUserId()) : v.actorEmail()).setHeader("Who").setAutoWidth(true);
        entries.addColumn(AuditView::action).setHeader("Action").setAutoWidth(true);
        entries.addColumn(v -> v.target() == null ? (v.meetingId() == null ? "" : "meeting:" + v.meetingId()) : v.target())
                .setHeader("Target").setFlexGrow(1);
        entries.addColumn(v -> v.detail() == null ? "" : v.detail()).setHeader("Detail").setFlexGrow(1);
        entries.addColumn(v -> v.sourceIp() == null ? "" : v.sourceIp()).setHeader("From").setAutoWidth(true);
        entries.addColumn(v -> v.outcome() == null ? "" : v.outcome()).setHeader("Outcome").setAutoWidth(true);
        entries.setPageSize(PAGE);
        entries.setHeight("26em");
        entries.getElement().setAttribute("aria-label", "Audit trail");
        entries.setItems(DataProvider.fromCallbacks(
                q -> audit.search(caller(), filter(), q.getOffset() / PAGE, PAGE).items().stream()
                        .skip(q.getOffset() % PAGE).limit(q.getLimit()),
                q -> (int) Math.min(Integer.MAX_VALUE, audit.search(caller(), filter(), 0, 1).total())));

        Button apply = new Button("Filter", e -> entries.getDataProvider().refreshAll());
        Anchor export = new Anchor(new StreamResource("convene-audit.csv", () -> {
            Caller caller = caller();
            AuditFilter filter = filter();
            audit.exporting(caller, filter);
            StringWriter csv = new StringWriter();
            audit.exportCsv(caller, filter, csv);
            return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
        }), "Export CSV");
        export.getElement().setAttribute("download", true);
        HorizontalLayout filters = Rows.wrapping(action, target, from, to, apply, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(filters, entries);
    }

    private AuditFilter filter() {
        return new AuditFilter(null, blank(action.getValue()), blank(target.getValue()), null,
                day(from.getValue()), to.getValue() == null ? null : day(to.getValue().plusDays(1)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Instant day(LocalDate d) {
        return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Caller caller() {
        return Signed.user().caller();
    }
}
