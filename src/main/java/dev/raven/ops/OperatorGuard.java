package dev.raven.ops;

import dev.raven.app.Access;
import dev.raven.http.ApiException;
import io.javalin.http.Context;

/**
 * The before-handler for {@link Access#OPERATOR} routes: only a request made directly on
 * this machine (loopback, not through a proxy) that carries the operator token gets in.
 * Anyone else is told the route does not exist.
 */
public final class OperatorGuard {
    private final OperatorToken token;

    public OperatorGuard(OperatorToken token) {
        this.token = token;
    }

    public void check(Context ctx) {
        if (!ctx.routeRoles().contains(Access.OPERATOR)) {
            return;
        }
        if (!token.enabled() || !LocalRequests.isDirectAndLocal(ctx)) {
            throw ApiException.notFound("Not found.");
        }
        if (!token.matches(ctx.header(OperatorToken.HEADER))) {
            throw new ApiException(403, "operator_token_invalid",
                    "Missing or wrong " + OperatorToken.HEADER + "; it is in data.dir/" + OperatorToken.FILE_NAME + ".");
        }
    }
}
