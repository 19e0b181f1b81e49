package dev.raven.instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * GET /api/instance/ (public). The answer never changes while the server runs, so it is
 * rendered once; this makes it the cheapest trip through the whole pipeline, which is
 * why the benchmark uses it as its baseline.
 */
public final class InstanceHandler {
    private final String body;

    public InstanceHandler(InstanceInfo info, ObjectMapper mapper) {
        try {
            this.body = mapper.writeValueAsString(info);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render instance info", e);
        }
    }

    public void instance(Context ctx) {
        ctx.contentType("application/json").result(body);
    }
}
