package dev.raven.app;

import io.javalin.config.RoutesConfig;

import static dev.raven.app.Access.OPERATOR;
import static dev.raven.app.Access.PUBLIC;
import static dev.raven.app.Access.USER;

/**
 * The whole HTTP surface in one place; it reads like the API contract's table of contents.
 * Paths are written without the trailing slash, which the router ignores.
 */
final class Routes {
    private Routes() {
    }

    static void register(RoutesConfig routes, Handlers h) {
        routes.get("/health", h.health()::health, PUBLIC);

        // auth: /api/auth/
        routes.post("/api/auth/obtain_token", h.auth()::obtainToken, PUBLIC);
        routes.post("/api/auth/refresh_token", h.auth()::refreshToken, PUBLIC);
        routes.post("/api/auth/user/register", h.auth()::register, PUBLIC);
        routes.get("/api/auth/user/current_user", h.auth()::currentUser, USER);
        routes.post("/api/auth/user/logout", h.auth()::logout, USER);
        routes.post("/api/auth/user/logout_all", h.auth()::logoutAll, USER);
        routes.put("/api/auth/user/edit", h.auth()::edit, USER);
        routes.delete("/api/auth/user/delete", h.auth()::delete, USER);

        // operations: local tools only (java -jar raven.jar backup); never proxy /internal/
        routes.post("/internal/backup", h.backup()::backup, OPERATOR);
    }
}
