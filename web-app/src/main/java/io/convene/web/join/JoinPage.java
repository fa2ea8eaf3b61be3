package io.convene.web.join;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The join page, {@code /join/{code}?t=...} (the link in every invitation): plain HTML and
 * JavaScript (docs/join-page.md), public like the link itself — what it does, it does through the
 * API and the meeting channel with the ticket the join hands out. Served with a strict content
 * security policy: its own scripts and styles, connections only back to Convene.
 */
@WebServlet(urlPatterns = "/join/*")
public class JoinPage extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("/[A-Za-z0-9-]{1,64}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String host = request.getHeader("Host");
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; media-src 'self' blob: mediastream:; connect-src 'self' ws://" + host
                + " wss://" + host + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        response.setHeader("Referrer-Policy", "no-referrer"); // the link's token stays out of other sites' logs
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher("/WEB-INF/join/index.html").forward(request, response);
    }
}
