package dev.raven.web;

import dev.raven.app.Access;
import dev.raven.app.Uploads;
import dev.raven.media.MultipartForm;
import dev.raven.auth.AuthGuard;
import dev.raven.auth.Principal;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Runs after the auth guard on every web page route: sets the page headers, and refuses a
 * state-changing request (anything but GET and HEAD) whose form is not well-formed UTF-8
 * ({@link FormBodies}) or that comes without the session's CSRF token, as a
 * form field or an htmx header. Before a session exists (log in, sign up) there is no token
 * to check, so a request another site's page sent (as Sec-Fetch-Site says) is refused.
 */
public final class PageFilter {
    private final Csrf csrf;

    public PageFilter(Csrf csrf) {
        this.csrf = csrf;
    }

    public void check(Context ctx) {
        if (!Access.isPage(ctx.routeRoles())) {
            return;
        }
        PageHeaders.apply(ctx);
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD")) {
            return;
        }
        if (ctx.routeRoles().contains(Uploads.PICTURE) && MultipartForm.isMultipart(ctx)) {
            MultipartForm.check(ctx);
        } else {
            FormBodies.check(ctx);
        }
        Optional<Principal> viewer = AuthGuard.principalIfAny(ctx);
        if (viewer.isPresent()) {
            String presented = ctx.header(Csrf.HEADER);
            if (presented == null) {
                presented = ctx.formParam(Csrf.FIELD);
            }
            if (!csrf.matches(viewer.get().sessionId(), presented)) {
                throw new CsrfRefused();
            }
        } else if (crossSite(ctx)) {
            throw new CsrfRefused();
        }
    }

    /**
     * Browsers say where a request came from in Sec-Fetch-Site. The Origin header is not
     * compared with Host, because a reverse proxy may rewrite Host.
     */
    private static boolean crossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        return site != null && site.equalsIgnoreCase("cross-site");
    }
}
