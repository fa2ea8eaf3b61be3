package io.convene.admin.shell;

import com.vaadin.flow.server.VaadinRequest;
import io.convene.admin.signin.ConsoleUser;

/** The person using the console now (the sign-in filter made them the request's principal). */
public final class Signed {

    private Signed() {
    }

    public static ConsoleUser user() {
        if (VaadinRequest.getCurrent() != null && VaadinRequest.getCurrent().getUserPrincipal() instanceof ConsoleUser u) {
            return u;
        }
        throw new IllegalStateException("Nobody is signed in to the console");
    }
}
