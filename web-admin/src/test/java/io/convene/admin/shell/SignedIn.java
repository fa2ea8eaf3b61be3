package io.convene.admin.shell;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import io.convene.admin.signin.ConsoleUser;
import java.util.Set;

/** Makes the faked request of a Karibu test carry a console user, as the sign-in filter does for a real one. */
public final class SignedIn {

    private SignedIn() {
    }

    public static ConsoleUser as(String... roles) {
        ConsoleUser user = new ConsoleUser("subject-of-test", "Tess Tester", "tess@convene.example", Set.of(roles), "session", true);
        jakarta.servlet.ServletRequest current = (VaadinServletRequest) VaadinServletRequest.getCurrent();
        while (current instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
            current = wrapper.getRequest();
        }
        FakeRequest request = (FakeRequest) current;
        request.setUserPrincipalInt(user);
        request.setUserInRole((principal, role) -> user.roles().contains(role));
        return user;
    }
}
