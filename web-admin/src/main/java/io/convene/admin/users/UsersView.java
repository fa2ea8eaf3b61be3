package io.convene.admin.users;

import io.convene.admin.shell.Rows;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.convene.admin.shell.MainLayout;
import io.convene.admin.shell.Signed;
import io.convene.shared.Caller;
import io.convene.shared.DomainException;
import io.convene.user.AccountAdministration;
import io.convene.user.RealmAdministration;
import io.convene.user.UserListing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeSet;

/**
 * Everyone Convene knows, searched and sorted in the database a page at a time; the chosen
 * person's account in Keycloak beside it: roles, sessions (sign out everywhere), deactivate or
 * reactivate (asked to confirm).
 */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · Convene console")
@RolesAllowed(Caller.ADMIN)
@Dependent
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final UserListing listing;
    private final AccountAdministration accounts;
    private final TextField search = new TextField();
    private final Grid<UserListing.Row> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    @Inject
    public UsersView(UserListing listing, AccountAdministration accounts) {
        this.listing = listing;
        this.accounts = accounts;
        search.setPlaceholder("Name or e-mail address");
        search.setAriaLabel("Search people by name or e-mail address");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24em");
        search.setMaxWidth("100%");
        search.setId("user-search");

        grid.addColumn(UserListing.Row::name).setHeader("Name").setKey("NAME").setSortable(true).setFlexGrow(1);
        grid.addColumn(UserListing.Row::email).setHeader("E-mail").setKey("EMAIL").setSortable(true).setFlexGrow(1);
        grid.addColumn(r -> r.department() == null ? "" : r.department()).setHeader("Department").setKey("DEPARTMENT")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> r.directory() == null ? "Local" : r.directory()).setHeader("Source").setAutoWidth(true);
        grid.addColumn(r -> r.status().name()).setHeader("Status").setKey("STATUS").setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> DAY.format(r.createdAt())).setHeader("Since").setKey("CREATED").setSortable(true).setAutoWidth(true);
        grid.setPageSize(50);
        grid.getElement().setAttribute("aria-label", "People");
        grid.setItems(DataProvider.fromFilteringCallbacks(
                q -> listing.page(caller(), search.getValue(), sort(q.getSortOrders()), ascending(q.getSortOrders()),
                        q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, listing.count(caller(), search.getValue()))));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        grid.setHeight("20em");

        Button create = new Button("New local user", e -> new NewLocalUserDialog(accounts, created -> {
            search.setValue(created.email());
            grid.getDataProvider().refreshAll();
        }).open());
        create.setId("new-local-user");
        HorizontalLayout bar = Rows.wrapping(search, create);
        bar.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(new H2("Users"), bar, grid, detail);
    }

    private void show(UserListing.Row row) {
        detail.removeAll();
        if (row == null) {
            return;
        }
        RealmAdministration.Account account;
        try {
            account = accounts.account(caller(), row.subject());
        } catch (DomainException e) {
            detail.add(new Span("Keycloak has no account for " + row.email() + " (" + e.getMessage() + ")"));
            return;
        }
        detail.add(new H3(row.name() + " · " + row.email()));
        detail.add(new Span((account.enabled() ? "Can sign in" : "Deactivated: cannot sign in")
                + (account.directory() ? " · from the directory " + row.directory() : " · local account")));

        CheckboxGroup<String> roles = new CheckboxGroup<>("Roles given directly (directory groups add theirs)");
        roles.setItems(new TreeSet<>(Caller.REALM_ROLES));
        roles.setValue(account.directRoles());
        Button saveRoles = new Button("Save roles", e -> act(() -> accounts.assignRoles(caller(), row.subject(), roles.getValue()),
                "Roles saved", row));

        int sessions = accounts.sessions(caller(), row.subject()).size();
        Button signOut = new Button("Sign out everywhere (" + sessions + " session" + (sessions == 1 ? "" : "s") + ")",
                e -> act(() -> accounts.logout(caller(), row.subject()), "Signed out everywhere", row));

        Button toggle = new Button(account.enabled() ? "Deactivate" : "Reactivate");
        toggle.setId("toggle-account");
        if (account.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader((account.enabled() ? "Deactivate " : "Reactivate ") + row.name() + "?");
            confirm.setText(account.enabled()
                    ? "They will not be able to sign in, and every session they have ends now."
                    : "They will be able to sign in again.");
            confirm.setCancelable(true);
            confirm.setConfirmText(account.enabled() ? "Deactivate" : "Reactivate");
            if (account.enabled()) {
                confirm.setConfirmButtonTheme("error primary");
            }
            confirm.addConfirmListener(c -> act(() -> accounts.setEnabled(caller(), row.subject(), !account.enabled()),
                    account.enabled() ? "Deactivated" : "Reactivated", row));
            confirm.open();
        });
        detail.add(roles, Rows.wrapping(saveRoles, signOut, toggle));
    }

    private void act(Runnable action, String done, UserListing.Row row) {
        try {
            action.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            grid.getDataProvider().refreshAll();
            show(row);
        } catch (DomainException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static Caller caller() {
        return Signed.user().caller();
    }

    private static UserListing.Sort sort(java.util.List<QuerySortOrder> orders) {
        return orders.isEmpty() ? UserListing.Sort.NAME : UserListing.Sort.valueOf(orders.get(0).getSorted());
    }

    private static boolean ascending(java.util.List<QuerySortOrder> orders) {
        return orders.isEmpty() || orders.get(0).getDirection() == SortDirection.ASCENDING;
    }
}
