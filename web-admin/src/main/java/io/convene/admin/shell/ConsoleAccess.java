package io.convene.admin.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.enterprise.event.Observes;

/**
 * Every view says who may open it ({@code @RolesAllowed}); Vaadin checks it on each navigation
 * against the roles the sign-in filter put on the request.
 */
@jakarta.enterprise.context.ApplicationScoped
public class ConsoleAccess {

    void guard(@Observes ServiceInitEvent event) {
        NavigationAccessControl access = new NavigationAccessControl();
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(access));
    }
}
