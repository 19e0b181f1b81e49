package dev.raven.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors answer in the asker's language: JSON for the API (exactly as {@link ErrorMapper}
 * does), an HTML page for the web app. Installed after ErrorMapper, whose handlers it wraps.
 */
public final class PageAwareErrors {
    private static final Logger log = LoggerFactory.getLogger(PageAwareErrors.class);

    /** The web side: which requests are pages, and how a page shows an error. */
    public interface HtmlErrors {
        boolean isPage(Context ctx);

        void show(Context ctx, int status, String message);
    }

    private PageAwareErrors() {
    }

    public static void install(JavalinConfig config, HtmlErrors html) {
        config.routes.exception(ApiException.class, (e, ctx) -> {
            if (html.isPage(ctx)) {
                html.show(ctx, e.status(), e.getMessage());
            } else {
                ErrorMapper.apiError(e, ctx);
            }
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (html.isPage(ctx)) {
                html.show(ctx, e.getStatus(), ErrorMapper.statusBody(e.getStatus()).message());
            } else {
                ErrorMapper.frameworkError(e, ctx);
            }
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (html.isPage(ctx)) {
                log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                html.show(ctx, 500, "Something went wrong on our side. Please try again.");
            } else {
                ErrorMapper.unexpected(e, ctx);
            }
        });
    }
}
