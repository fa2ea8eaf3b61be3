package io.convene.web.home;

import io.convene.web.page.SignedPages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Every employee's Convene, {@code /home} and its screens under it (docs/home.md): one page of plain
 * HTML and JavaScript that signs in with Keycloak and does everything through the API, as the join
 * page does. The server's root leads here.
 */
@WebServlet(urlPatterns = {"", "/home", "/home/*"})
public class HomePage extends HttpServlet {

    @Inject
    SignedPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String screen = request.getPathInfo();
        if ("".equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/home");
            return;
        }
        if (screen != null && !screen.matches("/[a-z]{1,20}(/[A-Za-z0-9-]{1,64})?")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        pages.serve(getServletContext(), request, response, "home/index.html", Map.of());
    }
}
