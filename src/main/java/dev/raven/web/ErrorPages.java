package dev.raven.web;

import dev.raven.http.PageAwareErrors;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.Map;

/** The web app's error answers: plain HTML pages, and a redirect to log in where one is needed. */
public final class ErrorPages implements PageAwareErrors.HtmlErrors {
    private final Pages pages;

    public ErrorPages(Pages pages) {
        this.pages = pages;
    }

    public void install(JavalinConfig config) {
        PageAwareErrors.install(config, this);
        config.routes.exception(PageNotFound.class, (e, ctx) -> show(ctx, 404, "There is nothing here."));
        config.routes.exception(CsrfRefused.class, (e, ctx) -> show(ctx, 403,
                "This form was not sent from a page of this site, or it has expired. "
                        + "Go back, reload the page and try again."));
        config.routes.exception(SignInRequired.class, (e, ctx) -> signIn(ctx));
    }

    @Override
    public boolean isPage(Context ctx) {
        return WebPaths.isWeb(ctx.path());
    }

    @Override
    public void show(Context ctx, int status, String message) {
        String title = switch (status) {
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 429 -> "Too many tries";
            default -> status >= 500 ? "Something went wrong" : "That did not work";
        };
        if (status == 404 && message != null && message.equals("Not found.")) {
            message = "There is nothing here.";
        }
        pages.render(ctx, status, "layout/error.jte", pages.page(ctx, title), Map.of("message", message));
    }

    /** To the login page, coming back here afterwards (only for a page one can come back to: a GET). */
    private static void signIn(Context ctx) {
        String next = ctx.method().name().equals("GET") ? ctx.path() + queryOf(ctx) : "/";
        String target = "/login" + (next.equals("/") ? "" : "?next=" + java.net.URLEncoder.encode(next,
                java.nio.charset.StandardCharsets.UTF_8));
        PageHeaders.apply(ctx);
        if (Pages.isHtmx(ctx)) {
            ctx.header("HX-Redirect", target);
            ctx.status(200);
            return;
        }
        Pages.seeOther(ctx, target);
    }

    private static String queryOf(Context ctx) {
        String q = ctx.queryString();
        return q == null || q.isEmpty() ? "" : "?" + q;
    }
}
