package io.convene.web.api;

import jakarta.annotation.Priority;
import io.convene.shared.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every piece of text the API takes in, checked once at the edge, after authentication and before
 * Bean Validation: path and query parameters are plain text ({@link PlainText}), and a JSON body is
 * checked against the type it will be read into ({@link JsonBodyCheck}). A problem is a 400 naming
 * the field, like Bean Validation's, so nothing reaches the database that it would refuse (a NUL) or
 * that would be quietly changed (1e20 in an int).
 */
@Provider
@Priority(Priorities.USER)
public class InputCheck implements ContainerRequestFilter {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, FormParam.class, MatrixParam.class, BeanParam.class, Context.class,
            jakarta.ws.rs.container.Suspended.class);

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        List<Problem.FieldProblem> problems = new ArrayList<>();
        request.getUriInfo().getPathParameters().forEach((name, values) -> values.forEach(v -> text(problems, name, v)));
        request.getUriInfo().getQueryParameters().forEach((name, values) -> values.forEach(v -> text(problems, name, v)));
        Type body = bodyType(resource.getResourceMethod());
        if (body != null && request.hasEntity() && isJson(request.getMediaType())) {
            byte[] bytes = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            JsonValue json = parse(bytes);
            if (json != null) {
                problems.addAll(JsonBodyCheck.check(json, body));
            }
        }
        if (!problems.isEmpty()) {
            request.abortWith(Problem.invalidInput(problems).at(request.getUriInfo().getRequestUri().getPath()).toResponse());
        }
    }

    private static void text(List<Problem.FieldProblem> problems, String name, String value) {
        String problem = PlainText.problemWith(value);
        if (problem != null) {
            problems.add(new Problem.FieldProblem(name, problem));
        }
    }

    /** The type of the parameter the body is read into; null when the method takes none or reads it raw. */
    static Type bodyType(Method method) {
        if (method == null) {
            return null;
        }
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean entity = true;
            for (Annotation a : annotations[i]) {
                entity &= !NOT_THE_BODY.contains(a.annotationType());
            }
            if (entity) {
                Class<?> type = method.getParameterTypes()[i];
                boolean raw = InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
                        || type == byte[].class || type == String.class;
                return raw ? null : method.getGenericParameterTypes()[i];
            }
        }
        return null;
    }

    private static boolean isJson(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"));
    }

    /** The body as JSON, or null when it is not JSON: then JSON-B's reader refuses it as it always did. */
    private static JsonValue parse(byte[] bytes) {
        try (JsonReader reader = Jsons.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }
}
