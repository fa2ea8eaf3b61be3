package io.convene.admin.shell;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.convene.admin.dashboard.DashboardView;
import io.convene.admin.reports.ReportsView;
import io.convene.shared.Caller;
import jakarta.annotation.security.RolesAllowed;

/** /admin/ itself: administrators start at the dashboard, compliance officers at the reports. */
@Route("")
@RolesAllowed({Caller.ADMIN, Caller.COMPLIANCE_OFFICER})
public class ConsoleHome extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(Signed.user().isAdmin() ? DashboardView.class : ReportsView.class);
    }
}
