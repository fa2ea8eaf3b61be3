package io.convene.admin.compliance;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.convene.admin.shell.MainLayout;
import io.convene.audit.AuditQuery;
import io.convene.privacy.PrivacyService;
import io.convene.privacy.Retention;
import io.convene.recording.RecordingService;
import io.convene.search.SearchService;
import io.convene.shared.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** GDPR and CCPA work: data requests (export, erasure), legal holds, retention policies, recordings and the audit trail. */
@Route(value = "compliance", layout = MainLayout.class)
@PageTitle("Compliance · Convene console")
@RolesAllowed({Caller.ADMIN, Caller.COMPLIANCE_OFFICER})
@Dependent
public class ComplianceView extends VerticalLayout {

    @Inject
    public ComplianceView(PrivacyService privacy, SearchService search, AuditQuery audit, Retention retention,
                          RecordingService recordings) {
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        if (io.convene.admin.shell.Signed.user().roles().contains(Caller.COMPLIANCE_OFFICER)) {
            tabs.add("Data requests", new DataRequestsTab(privacy, search));
            tabs.add("Legal holds", new LegalHoldsTab(privacy, search));
        }
        if (io.convene.admin.shell.Signed.user().isAdmin()) {
            tabs.add("Retention", new RetentionTab(retention));
        }
        tabs.add("Recordings", new RecordingsTab(recordings));
        tabs.add("Audit trail", new AuditTab(audit));
        add(new H2("Compliance"), tabs);
    }
}
