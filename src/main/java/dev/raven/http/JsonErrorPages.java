package dev.raven.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's own error answers, for requests refused before they reach a route (a bad
 * escape in the path, headers too large, a malformed request line), in the API's JSON
 * error shape instead of Jetty's HTML page or an empty body.
 */
public final class JsonErrorPages extends ErrorHandler {
    private final ObjectMapper mapper;

    public JsonErrorPages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Jetty writes error bodies only for GET, POST and HEAD; the contract wants JSON for every method. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws JsonProcessingException {
        // Jetty's message may quote the request or an exception: the client gets the status's own text.
        byte[] body = mapper.writeValueAsBytes(ErrorMapper.statusBody(code));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
