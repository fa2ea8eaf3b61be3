package io.convene.web.api;

import io.convene.shared.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Errors the container answers itself, before JAX-RS runs (the MP-JWT mechanism refusing a bad
 * token, a request it cannot parse, a failure outside the API), as problem bodies like every other
 * error of the API, naming nothing of the server. Wired in WEB-INF/web.xml for every status.
 */
@WebServlet(name = "container-errors", urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/errors/problem";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request could not be read";
            case 401 -> "Sign in: send a valid bearer token";
            case 403 -> "Your roles do not allow this";
            case 404 -> "No such resource";
            case 405 -> "Method not allowed on this resource";
            case 413 -> "The request is too large";
            default -> status >= 500 ? "The request could not be served" : title;
        };
        JsonObjectBuilder problem = Jsons.createObjectBuilder().add("type", "about:blank").add("title", title)
                .add("status", status).add("detail", detail);
        if (uri != null) {
            problem.add("instance", uri);
        }
        if (status == 401 && !response.containsHeader("WWW-Authenticate")) {
            response.setHeader("WWW-Authenticate", "Bearer"); // a 401 says how to authenticate
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.build().toString());
    }
}
