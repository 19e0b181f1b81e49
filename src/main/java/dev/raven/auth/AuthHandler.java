package dev.raven.auth;

import dev.raven.config.RateLimitSettings;
import dev.raven.http.Bodies;
import dev.raven.http.ClientAddress;
import dev.raven.http.FieldErrors;
import dev.raven.http.Unauthorized;
import dev.raven.ratelimit.Decision;
import dev.raven.ratelimit.LimitRule;
import dev.raven.ratelimit.RateLimiter;
import io.javalin.http.Context;

/** The eight routes of the contract's auth section. */
public final class AuthHandler {
    private final Accounts accounts;
    private final Sessions sessions;
    private final Bodies bodies;
    private final ClientAddress clientAddress;
    private final RateLimiter limiter;
    private final LimitRule loginPerUsername;
    private final LimitRule loginPerAddress;
    private final LimitRule registerPerAddress;
    private final LimitRule refreshPerAddress;

    public AuthHandler(Accounts accounts, Sessions sessions, Bodies bodies, ClientAddress clientAddress,
                       RateLimiter limiter, RateLimitSettings limits) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.bodies = bodies;
        this.clientAddress = clientAddress;
        this.limiter = limiter;
        this.loginPerUsername = limits.loginPerUsername();
        this.loginPerAddress = limits.loginPerAddress();
        this.registerPerAddress = limits.registerPerAddress();
        this.refreshPerAddress = limits.refreshPerAddress();
    }

    /** POST obtain_token/: failed attempts count against the username and the address. */
    public void obtainToken(Context ctx) {
        AuthRequests.Login req = bodies.read(ctx, AuthRequests.Login.class);
        FieldErrors errors = new FieldErrors();
        if (req.username() == null || req.username().isEmpty()) {
            errors.add("username", "This field is required.");
        }
        if (req.password() == null || req.password().isEmpty()) {
            errors.add("password", "This field is required.");
        }
        errors.throwIfAny();
        String ip = clientAddress.of(ctx);
        String userKey = usernameLimitKey(req.username());
        refuseIfLimited(limiter.peek(loginPerUsername, userKey));
        refuseIfLimited(limiter.peek(loginPerAddress, ip));
        UserRow user = accounts.authenticate(req.username(), req.password()).orElse(null);
        if (user == null) {
            limiter.hit(loginPerUsername, userKey);
            limiter.hit(loginPerAddress, ip);
            throw Unauthorized.of("not_authenticated", Accounts.BAD_CREDENTIALS);
        }
        ctx.status(200).json(accounts.startSession(user.id(), ctx.userAgent(), ip));
    }

    /** POST refresh_token/. */
    public void refreshToken(Context ctx) {
        limiter.hit(refreshPerAddress, clientAddress.of(ctx)).enforce(ctx);
        AuthRequests.Refresh req = bodies.read(ctx, AuthRequests.Refresh.class);
        if (req.refresh() == null || req.refresh().isEmpty()) {
            new FieldErrors().add("refresh", "This field is required.").throwIfAny();
        }
        ctx.status(200).json(sessions.refresh(req.refresh()));
    }

    /** POST user/register/. */
    public void register(Context ctx) {
        String ip = clientAddress.of(ctx);
        limiter.hit(registerPerAddress, ip).enforce(ctx);
        AuthRequests.Register req = bodies.read(ctx, AuthRequests.Register.class);
        var account = accounts.register(req, ctx.userAgent(), ip);
        if (account.isPresent()) {
            ctx.status(201).json(account.get());
        } else {
            ctx.status(202).json(new AuthResponses.AwaitingApproval(
                    "Thanks for signing up. A moderator will review your account; you can log in once it is approved.",
                    req.username(), req.email()));
        }
    }

    /** GET user/current_user/. */
    public void currentUser(Context ctx) {
        // With the embedded database the session usually comes from memory, without the account.
        ctx.status(202).json(AuthGuard.accountReadWithSession(ctx)
                .orElseGet(() -> accounts.currentUser(AuthGuard.principal(ctx))));
    }

    /** POST user/logout/: ends the session the refresh token belongs to. */
    public void logout(Context ctx) {
        String token = requiredRefreshToken(ctx);
        sessions.logout(AuthGuard.principal(ctx).userId(), token);
        ctx.status(205);
    }

    /** POST user/logout_all/. */
    public void logoutAll(Context ctx) {
        long userId = AuthGuard.principal(ctx).userId();
        accounts.logoutAll(userId);
        ctx.status(205);
    }

    /** PUT user/edit/. Wrong current passwords count as failed logins. */
    public void edit(Context ctx) {
        Principal principal = AuthGuard.principal(ctx);
        AuthRequests.EditUser req = bodies.read(ctx, AuthRequests.EditUser.class);
        String userKey = AccountRules.key(principal.username());
        Object result = accounts.edit(principal, req, new Accounts.PasswordCheck() {
            @Override
            public void beforeCheck() {
                refuseIfLimited(limiter.peek(loginPerUsername, userKey));
            }

            @Override
            public void failed() {
                limiter.hit(loginPerUsername, userKey);
            }
        });
        ctx.status(202).json(result);
    }

    /** DELETE user/delete/. */
    public void delete(Context ctx) {
        String token = requiredRefreshToken(ctx);
        accounts.delete(AuthGuard.principal(ctx), token);
        ctx.status(204);
    }

    private String requiredRefreshToken(Context ctx) {
        AuthRequests.RefreshTokenBody req = bodies.read(ctx, AuthRequests.RefreshTokenBody.class);
        if (req.refreshToken() == null || req.refreshToken().isEmpty()) {
            new FieldErrors().add("refresh_token", "This field is required.").throwIfAny();
        }
        return req.refreshToken();
    }

    /**
     * The per-username limit's key. No username is longer than 30 characters, so longer
     * ones all name nobody and may share a bucket: a made-up 60 KB name is not kept whole.
     */
    private static String usernameLimitKey(String username) {
        return AccountRules.key(username.length() > 31 ? username.substring(0, 31) : username);
    }

    private static void refuseIfLimited(Decision decision) {
        if (!decision.allowed()) {
            throw decision.tooManyRequests();
        }
    }
}
