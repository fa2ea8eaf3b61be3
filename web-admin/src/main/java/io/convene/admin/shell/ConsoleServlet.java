package io.convene.admin.shell;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.WebServlet;

/**
 * Vaadin under /admin (its static files under /admin/VAADIN). Declared here so that Vaadin does not
 * register a servlet of its own at the root, where the REST API and the join page live.
 */
@WebServlet(name = "convene-admin", urlPatterns = "/admin/*", asyncSupported = true)
public class ConsoleServlet extends CdiVaadinServlet {
}
