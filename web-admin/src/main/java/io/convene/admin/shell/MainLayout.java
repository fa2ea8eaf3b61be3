package io.convene.admin.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.convene.admin.dashboard.DashboardView;
import io.convene.admin.reports.ReportsView;
import io.convene.admin.signin.ConsoleUser;

/** The frame of every screen: the title, who is signed in, sign-out, and the screens this person may open. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        ConsoleUser user = Signed.user();
        H1 title = new H1("Convene console");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span who = new Span(user.name() == null ? user.email() : user.name());
        Anchor signOut = new Anchor("sign-out", "Sign out");
        signOut.getElement().setAttribute("router-ignore", true);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, signOut);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.setLabel("Screens");
        if (user.isAdmin()) {
            nav.addItem(new SideNavItem("Dashboard", DashboardView.class));
            nav.addItem(new SideNavItem("Meetings", io.convene.admin.meetings.MeetingsView.class));
            nav.addItem(new SideNavItem("Users", io.convene.admin.users.UsersView.class));
            nav.addItem(new SideNavItem("Directory", io.convene.admin.directory.DirectoriesView.class));
            nav.addItem(new SideNavItem("Integrations", io.convene.admin.integrations.IntegrationsView.class));
            nav.addItem(new SideNavItem("Notifications", io.convene.admin.notifications.NotificationsView.class));
        }
        nav.addItem(new SideNavItem("Reports", ReportsView.class));
        nav.addItem(new SideNavItem("Compliance", io.convene.admin.compliance.ComplianceView.class));
        addToDrawer(nav);
    }
}
