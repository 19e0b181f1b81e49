package dev.raven.http;

import io.javalin.http.Context;

/** Ids in paths are positive integers; anything else names nothing, so it is a 404. */
public final class PathIds {
    private PathIds() {
    }

    public static long id(Context ctx) {
        return parse(ctx.pathParam("id"));
    }

    static long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            throw ApiException.notFound("Not found.");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw ApiException.notFound("Not found.");
            }
        }
        long id = Long.parseLong(text);
        if (id <= 0) {
            throw ApiException.notFound("Not found.");
        }
        return id;
    }
}
