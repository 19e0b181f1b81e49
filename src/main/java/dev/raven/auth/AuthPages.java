package dev.raven.auth;

import dev.raven.config.RateLimitSettings;
import dev.raven.config.RegistrationMode;
import dev.raven.http.ApiException;
import dev.raven.http.ClientAddress;
import dev.raven.ratelimit.Decision;
import dev.raven.ratelimit.LimitRule;
import dev.raven.ratelimit.RateLimiter;
import dev.raven.web.Form;
import dev.raven.web.Pages;
import dev.raven.web.WebCookie;
import dev.raven.web.WebPaths;
import io.javalin.http.Context;
import org.jdbi.v3.core.Jdbi;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Sign up, log in and log out in the browser: the same Accounts rules and rate limits as the
 * JSON routes (the limits share their buckets), starting a browser login session.
 */
public final class AuthPages {
    /** The same answer for an unknown user and a wrong password. */
    static final String BAD_LOGIN = "That username and password do not match an active account.";
    private static final Map<String, String> SIGNUP_FIELDS = Map.of(
            "profile.alias", "alias", "profile.date_of_birth", "date_of_birth", "profile", "form",
            "reason", "reason", "invite_code", "invite_code");

    private final Accounts accounts;
    private final WebSessions webSessions;
    private final WebCookie cookie;
    private final Pages pages;
    private final Jdbi jdbi;
    private final ClientAddress clientAddress;
    private final RateLimiter limiter;
    private final LimitRule loginPerUsername;
    private final LimitRule loginPerAddress;
    private final LimitRule registerPerAddress;

    public AuthPages(Accounts accounts, WebSessions webSessions, WebCookie cookie, Pages pages, Jdbi jdbi,
                     ClientAddress clientAddress, RateLimiter limiter, RateLimitSettings limits) {
        this.accounts = accounts;
        this.webSessions = webSessions;
        this.cookie = cookie;
        this.pages = pages;
        this.jdbi = jdbi;
        this.clientAddress = clientAddress;
        this.limiter = limiter;
        this.loginPerUsername = limits.loginPerUsername();
        this.loginPerAddress = limits.loginPerAddress();
        this.registerPerAddress = limits.registerPerAddress();
    }

    /** GET /login. */
    public void loginPage(Context ctx) {
        if (AuthGuard.principalIfAny(ctx).isPresent()) {
            Pages.seeOther(ctx, "/");
            return;
        }
        showLogin(ctx, 200, Form.empty(), next(ctx.queryParam("next")));
    }

    /** POST /login. */
    public void login(Context ctx) {
        String username = orEmpty(ctx.formParam("username"));
        String password = orEmpty(ctx.formParam("password"));
        String next = next(ctx.formParam("next"));
        Form form = Form.empty().value("username", username);
        if (username.isEmpty() || password.isEmpty()) {
            showLogin(ctx, 422, form.error("form", "Enter your username and your password."), next);
            return;
        }
        String ip = clientAddress.of(ctx);
        String userKey = AccountRules.key(username.length() > 31 ? username.substring(0, 31) : username);
        Decision byUser = limiter.peek(loginPerUsername, userKey);
        Decision byAddress = limiter.peek(loginPerAddress, ip);
        if (!byUser.allowed() || !byAddress.allowed()) {
            long wait = Math.max(byUser.allowed() ? 0 : byUser.resetSeconds(), byAddress.allowed() ? 0 : byAddress.resetSeconds());
            ctx.header("Retry-After", Long.toString(wait));
            showLogin(ctx, 429, form.error("form", "Too many failed tries. Wait " + minutes(wait)
                    + " and try again."), next);
            return;
        }
        UserRow user;
        try {
            user = accounts.authenticate(username, password).orElse(null);
        } catch (ApiException e) { // the right password of an account awaiting approval, or suspended
            showLogin(ctx, 403, form.error("form", e.getMessage()), next);
            return;
        }
        if (user == null) {
            limiter.hit(loginPerUsername, userKey);
            limiter.hit(loginPerAddress, ip);
            showLogin(ctx, 422, form.error("form", BAD_LOGIN), next);
            return;
        }
        String token = jdbi.inTransaction(h -> webSessions.start(h, user.id(), ctx.userAgent(), ip));
        cookie.set(ctx, token);
        Pages.seeOther(ctx, next.isEmpty() ? "/" : next);
    }

    /** GET /signup. */
    public void signupPage(Context ctx) {
        if (AuthGuard.principalIfAny(ctx).isPresent()) {
            Pages.seeOther(ctx, "/");
            return;
        }
        showSignup(ctx, 200, Form.empty());
    }

    /** POST /signup: the API's registration rules; the new account is signed in at once. */
    public void signup(Context ctx) {
        Form form = Form.empty();
        if (accounts.mode() == RegistrationMode.CLOSED) {
            showSignup(ctx, 403, form);
            return;
        }
        for (String field : new String[]{"username", "alias", "email", "date_of_birth", "reason", "invite_code"}) {
            form.value(field, orEmpty(ctx.formParam(field)));
        }
        String ip = clientAddress.of(ctx);
        Decision allowed = limiter.hit(registerPerAddress, ip);
        if (!allowed.allowed()) {
            ctx.header("Retry-After", Long.toString(allowed.resetSeconds()));
            showSignup(ctx, 429, form.error("form", "Too many sign-ups from your network. Wait "
                    + minutes(allowed.resetSeconds()) + " and try again."));
            return;
        }
        LocalDate birth = null;
        try {
            birth = form.get("date_of_birth").isEmpty() ? null : LocalDate.parse(form.get("date_of_birth"));
        } catch (DateTimeParseException e) {
            form.error("date_of_birth", "Enter a date like 1990-05-31.");
        }
        if (form.hasErrors()) {
            showSignup(ctx, 422, form);
            return;
        }
        AuthRequests.Register req = new AuthRequests.Register(form.get("username"), form.get("email"),
                orEmpty(ctx.formParam("password")), orEmpty(ctx.formParam("password2")),
                new AuthRequests.ProfileInput(birth, form.get("alias"), "", null, null),
                form.get("reason"), form.get("invite_code"));
        java.util.Optional<String> token;
        try {
            token = accounts.register(req, (h, userId) -> webSessions.start(h, userId, ctx.userAgent(), ip));
        } catch (ApiException e) {
            String field = switch (e.code()) {
                case "username_exists" -> "username";
                case "email_exists" -> "email";
                default -> "form";
            };
            showSignup(ctx, e.status() == 409 ? 409 : 422, form.errors(e, SIGNUP_FIELDS, field));
            return;
        }
        if (token.isEmpty()) { // registration.mode=approval
            pages.render(ctx, 202, "auth/awaiting.jte", pages.page(ctx, "Thanks for signing up"), Map.of());
            return;
        }
        cookie.set(ctx, token.get());
        Pages.seeOther(ctx, "/");
    }

    /** POST /logout: ends this browser's session. */
    public void logout(Context ctx) {
        webSessions.end(AuthGuard.principal(ctx).sessionId());
        cookie.clear(ctx);
        Pages.seeOther(ctx, "/");
    }

    /** GET / for someone not signed in. */
    public void welcome(Context ctx) {
        pages.render(ctx, 200, "auth/welcome.jte", pages.page(ctx, "Welcome"), Map.of("form", Form.empty()));
    }

    private void showLogin(Context ctx, int status, Form form, String next) {
        pages.render(ctx, status, "auth/login.jte", pages.page(ctx, "Log in"), Map.of("form", form, "next", next));
    }

    private void showSignup(Context ctx, int status, Form form) {
        pages.render(ctx, status, "auth/signup.jte", pages.page(ctx, "Sign up"),
                Map.of("form", form, "mode", accounts.mode().key()));
    }

    private static String next(String next) {
        return WebPaths.localOr(next, "");
    }

    private static String minutes(long seconds) {
        long m = Math.max(1, (seconds + 59) / 60);
        return m == 1 ? "a minute" : m + " minutes";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
