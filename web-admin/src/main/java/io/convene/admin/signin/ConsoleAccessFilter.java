package io.convene.admin.signin;

import io.convene.admin.shell.ConsoleHeaders;
import io.convene.user.AccountStanding;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.logging.Logger;

/**
 * Guards the console: nobody reaches it without signing in through Keycloak, and only
 * administrators and compliance officers get past this filter (others get a 403 page); on every
 * request it asks whether the person's account is still active, and ends the console session of a
 * deactivated one (401 page). Behind it
 * the request carries the signed-in person as its principal and their realm roles as its roles,
 * which is what Vaadin's view access control reads.
 * <ul>
 * <li>{@code /admin/signed-in}: Keycloak's redirect back with the code;</li>
 * <li>{@code /admin/sign-out}: ends the console session and Keycloak's.</li>
 * </ul>
 */
@WebFilter(filterName = "convene-admin-access", urlPatterns = "/admin/*", asyncSupported = true)
public class ConsoleAccessFilter extends HttpFilter {

    static final String USER = ConsoleUser.class.getName();
    static final String ATTEMPT = ConsoleSignIn.Attempt.class.getName();
    private static final Logger LOG = Logger.getLogger(ConsoleAccessFilter.class.getName());

    @Inject
    ConsoleSignIn signIn;

    @Inject
    AccountStanding standing;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        ConsoleHeaders.apply(response);
        String base = consoleBase(request);
        String path = request.getRequestURI().substring(base.length() - "/admin".length());
        HttpSession session = request.getSession(false);
        ConsoleUser user = session == null ? null : (ConsoleUser) session.getAttribute(USER);
        if (path.equals("/admin/signed-in")) {
            finishSignIn(request, response, base);
        } else if (path.equals("/admin/sign-out")) {
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(signIn.signOutUrl(origin(request) + base + "/").toString());
        } else if (user == null) {
            if (!request.getMethod().equals("GET")) { // a stale page's background call: reload to sign in
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            ConsoleSignIn.Attempt attempt = signIn.attempt(request.getRequestURI());
            request.getSession(true).setAttribute(ATTEMPT, attempt);
            response.sendRedirect(signIn.authorizeUrl(attempt, origin(request) + base + "/signed-in").toString());
        } else if (!user.mayOpenConsole()) {
            refuse(response, user);
        } else if (standing.deactivated(user.subject())) {
            session.invalidate(); // every request asks: a deactivated person's console stops at the next one
            LOG.info(() -> "Console session of deactivated account " + user.subject() + " ended");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            page(response, "Account deactivated", "Your account (" + escape(user.email())
                    + ") is deactivated; ask an administrator.");
        } else {
            chain.doFilter(new SignedIn(request, user), response);
        }
    }

    private void finishSignIn(HttpServletRequest request, HttpServletResponse response, String base) throws IOException {
        HttpSession session = request.getSession(false);
        ConsoleSignIn.Attempt attempt = session == null ? null : (ConsoleSignIn.Attempt) session.getAttribute(ATTEMPT);
        try {
            ConsoleUser user = signIn.complete(attempt, request.getParameter("state"), request.getParameter("code"),
                    origin(request) + base + "/signed-in");
            request.changeSessionId(); // a new session id once signed in
            HttpSession signedIn = request.getSession();
            signedIn.removeAttribute(ATTEMPT);
            signedIn.setAttribute(USER, user);
            LOG.info(() -> "Console sign-in of " + user.subject() + " with roles " + user.roles());
            response.sendRedirect(attempt.returnTo() == null || attempt.returnTo().endsWith("/signed-in")
                    ? base + "/" : attempt.returnTo());
        } catch (ConsoleSignIn.SignInFailed e) {
            LOG.warning(() -> "Console sign-in failed: " + e.getMessage());
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            page(response, "Sign-in failed", e.getMessage() + ". <a href=\"" + base + "/\">Try again</a>.");
        }
    }

    private static void refuse(HttpServletResponse response, ConsoleUser user) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        page(response, "Not for you", "Convene's console is for administrators and compliance officers. You are signed in as "
                + escape(user.email()) + ". <a href=\"sign-out\">Sign out</a>.");
    }

    private static void page(HttpServletResponse response, String title, String html) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>" + title + " · Convene</title></head><body>"
                + "<main><h1>" + title + "</h1><p>" + html + "</p></main></body></html>");
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String origin(HttpServletRequest request) {
        return request.getRequestURL().toString().replaceFirst("(https?://[^/]+).*", "$1");
    }

    /**
     * Where the console is, {@code /admin} outside: a path inside the one WAR on Payara Micro, its own
     * context root in the EAR on Payara Server (see {@code src/ear/web.xml}).
     */
    static String consoleBase(HttpServletRequest request) {
        String context = request.getContextPath();
        return context.endsWith("/admin") ? context : context + "/admin";
    }

    /** The request as the console sees it: the signed-in person and their roles. */
    private static final class SignedIn extends HttpServletRequestWrapper {
        private final ConsoleUser user;

        SignedIn(HttpServletRequest request, ConsoleUser user) {
            super(request);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return user;
        }

        @Override
        public String getRemoteUser() {
            return user.subject();
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.roles().contains(role);
        }

        @Override
        public String getAuthType() {
            return "OIDC";
        }
    }
}
