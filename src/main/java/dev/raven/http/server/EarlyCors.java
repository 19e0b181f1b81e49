package dev.raven.http.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

import java.util.List;

/**
 * CORS headers for the answers given before Javalin sees a request (413, 408, 503 busy from
 * the body reader), which Javalin's CORS plugin never touches. Without them a web client on
 * an allowed origin could not read why its upload was refused: the browser hides the answer.
 */
public record EarlyCors(List<String> origins) {
    void addTo(Request request, Response response) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null || !(origins.contains("*") || origins.contains(origin))) {
            return;
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.getHeaders().add(HttpHeader.VARY, "Origin");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After");
    }
}
