package io.convene.web.join;

import io.convene.web.page.SignedPages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The join page, {@code /join/{code}?t=...} (the link in every invitation): plain HTML and
 * JavaScript (docs/join-page.md), public like the link itself — what it does, it does through the
 * API and the meeting channel with the ticket the join hands out, or an employee's Keycloak token.
 */
@WebServlet(urlPatterns = "/join/*")
public class JoinPage extends HttpServlet {

    @Inject
    SignedPages pages;

    /** Said on the page before an upload, so nobody waits for a file the server will refuse. */
    @Inject
    @ConfigProperty(name = "convene.chat.max-attachment-bytes", defaultValue = "10485760")
    long maxAttachmentBytes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/[A-Za-z0-9-]{1,64}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.serve(getServletContext(), request, response, "join/index.html",
                Map.of("maxAttachmentBytes", Long.toString(maxAttachmentBytes)));
    }
}
